import { useTranslation } from 'react-i18next';
import { type CompetencyRule, type ListedCompetition } from '@ashyq/shared';
import { ruleText, rulesOf, type RuleChoice } from '../advancement-view';

/** The rule for every competency, any competency's own rule, and the quota per region or college. */
export function RulesForm({
  choice,
  onChange,
  competitions,
  names,
  onPropose,
}: {
  choice: RuleChoice;
  onChange: (next: RuleChoice) => void;
  competitions: readonly ListedCompetition[];
  names: ReadonlyMap<string, string>;
  onPropose: () => void;
}) {
  const { t } = useTranslation('organiser');
  const change = (part: Partial<RuleChoice>) => onChange({ ...choice, ...part });
  const setOwnRule = (competitionId: string, rule: CompetencyRule | null) => {
    const { [competitionId]: _, ...others } = choice.own;
    change({ own: rule ? { ...others, [competitionId]: rule } : others });
  };
  return (
    <div className="org-form org-grid org-panel">
      <label>
        {t('advancement.rule')}
        <select
          name="rule"
          value={choice.kind}
          onChange={(e) => change({ kind: e.target.value as 'top' | 'medalists' })}
        >
          <option value="top">{t('advancement.top')}</option>
          <option value="medalists">{t('advancement.medalists')}</option>
        </select>
      </label>
      {choice.kind === 'top' && (
        <label>
          {t('advancement.count')}
          <input
            name="count"
            type="number"
            min={1}
            value={choice.count}
            onChange={(e) => change({ count: Number(e.target.value) })}
          />
        </label>
      )}
      {competitions.length > 0 && (
        <table className="org-table">
          <caption>{t('advancement.perCompetency')}</caption>
          <tbody>
            {competitions.map((competition) => {
              const name = names.get(competition.id) ?? competition.id;
              const rule = choice.own[competition.id];
              return (
                <tr key={competition.id}>
                  <td>{name}</td>
                  <td>
                    <select
                      aria-label={t('advancement.ruleFor', { name })}
                      value={rule?.kind ?? ''}
                      onChange={(e) =>
                        setOwnRule(
                          competition.id,
                          e.target.value === 'top'
                            ? { kind: 'top', count: choice.count }
                            : e.target.value === 'medalists'
                              ? { kind: 'medalists' }
                              : null,
                        )
                      }
                    >
                      <option value="">
                        {t('advancement.asForAll', {
                          rule: ruleText(t, rulesOf(choice).defaultRule),
                        })}
                      </option>
                      <option value="top">{t('advancement.top')}</option>
                      <option value="medalists">{t('advancement.medalists')}</option>
                    </select>{' '}
                    {rule?.kind === 'top' && (
                      <input
                        aria-label={t('advancement.countFor', { name })}
                        type="number"
                        min={1}
                        value={rule.count}
                        onChange={(e) =>
                          setOwnRule(competition.id, {
                            kind: 'top',
                            count: Number(e.target.value),
                          })
                        }
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <label>
        {t('advancement.quota')}
        <select
          name="quota"
          value={choice.quotaTeam}
          onChange={(e) => change({ quotaTeam: e.target.value as '' | 'region' | 'college' })}
        >
          <option value="">{t('advancement.noQuota')}</option>
          <option value="region">{t('advancement.quotaRegion')}</option>
          <option value="college">{t('advancement.quotaCollege')}</option>
        </select>
      </label>
      {choice.quotaTeam && (
        <label>
          {t('advancement.quotaMax')}
          <input
            name="quota-max"
            type="number"
            min={1}
            value={choice.quotaMax}
            onChange={(e) => change({ quotaMax: Number(e.target.value) })}
          />
        </label>
      )}
      <p className="org-muted">{t('advancement.nationalHint')}</p>
      <div className="org-actions">
        <button type="button" className="primary" onClick={onPropose}>
          {t('advancement.propose')}
        </button>
      </div>
    </div>
  );
}
