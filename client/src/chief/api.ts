export const chiefBase = (competitionId: string) =>
  `/api/chief/competitions/${encodeURIComponent(competitionId)}`;
