import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IssuedCredentialReply as Issued,
  SignInLinkQrInput,
  SignInLinkQrReply,
} from '@ashyq/shared';
import { chiefBase } from './api';
import { Conflicts } from './Conflicts';
import type { ConsoleProps } from './console-props';
import { formatTime } from './view';
import type { RosterExpert } from './types';
import { errorText } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { localized } from '../lib/localized';

/** The marking team: sign-in credentials (PIN and QR link) and the panel of each sub-criterion. */
export function Team(props: ConsoleProps) {
  const { t } = useTranslation('chief');
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <section className="chief-section" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      {issued && <CredentialCard issued={issued} {...props} onClose={() => setIssued(null)} />}
      <table className="team">
        <thead>
          <tr>
            <th scope="col">{t('team.expert')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.from')}</th>
            <th scope="col">{t('team.credential')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('team.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.roster.experts.map((expert) => (
            <ExpertRow key={expert.id} expert={expert} onIssued={setIssued} {...props} />
          ))}
        </tbody>
      </table>
      <Panels {...props} />
      <Conflicts {...props} />
    </section>
  );
}

function ExpertRow({
  expert,
  competitionId,
  roster,
  names,
  lang,
  confirm,
  reloadRoster,
  onIssued,
}: ConsoleProps & { expert: RosterExpert; onIssued: (issued: Issued) => void }) {
  const { t } = useTranslation('chief');
  const name = names.expert(expert.id);
  const url = `${chiefBase(competitionId)}/credentials/${encodeURIComponent(expert.id)}`;
  const college = roster.colleges.find((c) => c.id === expert.collegeId);
  const issue = () =>
    confirm({
      title: t('team.issueTitle', { name }),
      body: expert.credential.active ? <p>{t('team.issueReplaces')}</p> : undefined,
      confirmLabel: t('team.issue'),
      run: async () => {
        onIssued(await apiRequest<Issued>('POST', url));
        reloadRoster();
      },
    });
  const revoke = () =>
    confirm({
      title: t('team.revokeTitle', { name }),
      body: <p>{t('team.revokeBody')}</p>,
      confirmLabel: t('team.revoke'),
      danger: true,
      run: async () => {
        await apiRequest('DELETE', url);
        reloadRoster();
      },
    });
  return (
    <tr data-expert={expert.id}>
      <th scope="row">{name}</th>
      <td>{t(`roles.${expert.role}`, { defaultValue: expert.role })}</td>
      <td>{college ? localized(college.name, lang) : (expert.employer ?? '')}</td>
      <td className="credential-state">
        {expert.credential.active
          ? t('team.active', {
              at: expert.credential.issuedAt ? formatTime(expert.credential.issuedAt) : '',
            })
          : t('team.none')}
      </td>
      <td className="actions">
        <button type="button" onClick={issue}>
          {t('team.issue')}
        </button>
        {expert.credential.active && (
          <button type="button" className="danger" onClick={revoke}>
            {t('team.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The PIN and QR link of a fresh credential, on a card that prints alone. */
function CredentialCard({
  issued,
  competitionId,
  roster,
  names,
  lang,
  onClose,
}: ConsoleProps & { issued: Issued; onClose: () => void }) {
  const { t } = useTranslation('chief');
  const [qr, setQr] = useState<{ link: string; image: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let image: string | null = null;
    let current = true;
    const body: SignInLinkQrInput = { token: issued.linkToken };
    apiRequest<SignInLinkQrReply>('POST', `${chiefBase(competitionId)}/credential-qr`, body).then(
      ({ link, svg }) => {
        if (!current) return;
        image = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setQr({ link, image });
      },
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
      if (image) URL.revokeObjectURL(image);
    };
  }, [competitionId, issued.linkToken]);

  return (
    <div className="credential-card" role="region" aria-label={t('team.card')}>
      <div className="card-text">
        <h3>{names.expert(issued.credential.expertId)}</h3>
        <p>
          {roster.competition.skill.number} {localized(roster.competition.skill.name, lang)}
        </p>
        <p>
          {t('team.competitionCode')}: <code>{competitionId}</code>
        </p>
        <p className="pin">
          {t('team.pin')}: <strong data-pin>{issued.pin}</strong>
        </p>
        {qr && (
          <p className="link">
            {t('team.link')}: <code>{qr.link}</code>
          </p>
        )}
        <p className="note">{t('team.shownOnce')}</p>
        <div className="actions no-print">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('team.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('team.closeCard')}
          </button>
        </div>
      </div>
      {qr && <img className="qr" src={qr.image} alt={t('team.qrAlt')} width={200} height={200} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Each sub-criterion's marking team, chosen by tapping experts; saved as a whole. */
function Panels({ competitionId, roster, names, overview }: ConsoleProps) {
  const { t } = useTranslation('chief');
  // Leads run the marking and trainees score beside the panels, never on them.
  const markers = roster.experts.filter(
    (e) => e.role !== 'chief' && e.role !== 'deputy-chief' && e.role !== 'trainee',
  );
  return (
    <>
      <h3>{t('panels.title')}</h3>
      <p className="note">{t('panels.hint')}</p>
      <ul className="panel-list">
        {overview.progress.subCriteria.map(({ subCriterion, locked }) => (
          <PanelRow
            key={subCriterion}
            subCriterion={subCriterion}
            name={names.subCriterionName(subCriterion)}
            locked={locked}
            saved={overview.panels[subCriterion] ?? []}
            markers={markers}
            competitionId={competitionId}
            expertName={names.expert}
          />
        ))}
      </ul>
    </>
  );
}

function PanelRow({
  subCriterion,
  name,
  locked,
  saved,
  markers,
  competitionId,
  expertName,
}: {
  subCriterion: string;
  name: string;
  locked: boolean;
  saved: string[];
  markers: RosterExpert[];
  competitionId: string;
  expertName: (id: string) => string;
}) {
  const { t } = useTranslation('chief');
  const [draft, setDraft] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = draft ?? saved;
  const toggle = (id: string) =>
    setDraft(chosen.includes(id) ? chosen.filter((e) => e !== id) : [...chosen, id]);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await apiRequest('PUT', `${chiefBase(competitionId)}/panels/${subCriterion}`, {
        expertIds: chosen,
      });
      setDraft(null);
    } catch (failure) {
      setError(errorText(failure));
    }
    setBusy(false);
  }

  return (
    <li className="panel-row" data-sub-criterion={subCriterion}>
      <span className="panel-name">
        <strong>{subCriterion}</strong> {name}
      </span>
      <span className="chips" role="group" aria-label={t('panels.teamOf', { subCriterion })}>
        {markers.map((expert) => (
          <button
            key={expert.id}
            type="button"
            aria-pressed={chosen.includes(expert.id)}
            disabled={locked}
            onClick={() => toggle(expert.id)}
          >
            {expertName(expert.id)}
          </button>
        ))}
      </span>
      {draft && (
        <span className="actions">
          <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
            {t('panels.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)} disabled={busy}>
            {t('dialog.cancel')}
          </button>
        </span>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
