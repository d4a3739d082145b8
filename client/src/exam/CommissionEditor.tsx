import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  commissionRoles,
  getProfile,
  markingRoles,
  maskIin,
  type CommissionRole,
  type ExamSession,
  type ExamSessionReply,
  type ExamCredentialReply,
} from '@ashyq/shared';
import { sessionUrl } from './api';
import { SignInCards, type IssuedCredential } from './SignInCards';
import { checkCommission, type MemberDraft } from './view';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useLanguage } from '../lib/language';

const blankMember = (): MemberDraft => ({
  name: { last: '', first: '', middle: '' },
  iin: '',
  role: 'expert',
  employer: '',
  certificate: '',
  marks: true,
});

/** Middle names and certificates left blank are not sent: the schema reads blank as absent. */
function payloadOf(member: MemberDraft): MemberDraft {
  const { middle, ...name } = member.name;
  return {
    ...member,
    iin: member.iin.trim(),
    name: { ...name, ...(middle?.trim() ? { middle: middle.trim() } : {}) },
    certificate: member.certificate?.trim() || undefined,
  };
}

/**
 * The commission: who chairs, who marks, who equips. The independence rule (docs/scoring.md) is
 * checked as the officer types, each violation shown on its member's row; the server checks
 * it again on save.
 */
export function CommissionEditor({
  session,
  onSaved,
}: {
  session: ExamSession;
  onSaved: () => void;
}) {
  const { t } = useTranslation('exam');
  const lang = useLanguage();
  const [members, setMembers] = useState<MemberDraft[]>(() => session.commission);
  const [editingIin, setEditingIin] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [issued, setIssued] = useState<Record<string, IssuedCredential>>({});
  const payload = useMemo(() => members.map(payloadOf), [members]);
  const check = useMemo(() => checkCommission(session, payload, lang), [session, payload, lang]);
  const minMarkers = getProfile(session.profileId)?.judgesPerAspect.min ?? 0;
  const markers = members.filter((member) => member.marks).length;

  const update = (index: number, change: Partial<MemberDraft>) => {
    setSaved(false);
    setMembers((all) => all.map((m, i) => (i === index ? { ...m, ...change } : m)));
  };

  async function save() {
    setError(null);
    try {
      const reply = await apiRequest<ExamSessionReply>(
        'PUT',
        `${sessionUrl(session.id)}/commission`,
        { members: payload },
      );
      setMembers(reply.session.commission);
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  }

  async function issuePin(memberId: string) {
    try {
      const reply = await apiRequest<ExamCredentialReply>(
        'POST',
        `${sessionUrl(session.id)}/commission/${encodeURIComponent(memberId)}/credential`,
      );
      const { pin, link, qrSvg } = reply;
      setIssued((all) => ({ ...all, [memberId]: { pin, link, qrSvg } }));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section>
      <h2>{t('office.commission.title')}</h2>
      <p className="exam-hint">{t('office.commission.rule')}</p>
      {members.length > 0 && markers < minMarkers && (
        <p className="exam-warning">
          {t('office.commission.tooFewMarkers', { min: minMarkers, count: markers })}
        </p>
      )}
      {check.general.length > 0 && (
        <ul className="exam-violations" role="alert">
          {check.general.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div className="exam-scroll">
        <table className="exam-table exam-commission">
          <thead>
            <tr>
              <th className="exam-role">{t('office.commission.role')}</th>
              <th>{t('office.commission.last')}</th>
              <th>{t('office.commission.first')}</th>
              <th>{t('office.commission.middle')}</th>
              <th className="exam-iin-column">{t('office.commission.iin')}</th>
              <th>{t('office.commission.employer')}</th>
              <th>{t('office.commission.certificate')}</th>
              <th className="exam-narrow">{t('office.commission.ownStaff')}</th>
              <th className="exam-narrow">{t('office.commission.marks')}</th>
              <th className="exam-row-end" />
            </tr>
          </thead>
          <tbody>
            {members.map((member, index) => {
              const problems = check.byRow.get(index) ?? [];
              const label = (what: string) => `${what} ${index + 1}`;
              return [
                <tr key={`m${index}`} className={problems.length > 0 ? 'exam-bad' : undefined}>
                  <td>
                    <select
                      aria-label={label(t('office.commission.role'))}
                      value={member.role}
                      onChange={(e) => {
                        const role = e.target.value as CommissionRole;
                        update(index, { role, marks: markingRoles.includes(role) });
                      }}
                    >
                      {commissionRoles.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  {(['last', 'first', 'middle'] as const).map((part) => (
                    <td key={part}>
                      <input
                        aria-label={label(t(`office.commission.${part}`))}
                        value={member.name[part] ?? ''}
                        onChange={(e) =>
                          update(index, { name: { ...member.name, [part]: e.target.value } })
                        }
                      />
                    </td>
                  ))}
                  <td>
                    <input
                      aria-label={label(t('office.commission.iin'))}
                      inputMode="numeric"
                      className="exam-iin"
                      value={editingIin === index ? member.iin : maskIin(member.iin)}
                      onFocus={() => setEditingIin(index)}
                      onBlur={() => setEditingIin(null)}
                      onChange={(e) => update(index, { iin: e.target.value.replace(/\s/g, '') })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={label(t('office.commission.employer'))}
                      value={member.employer}
                      onChange={(e) => update(index, { employer: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={label(t('office.commission.certificate'))}
                      value={member.certificate ?? ''}
                      onChange={(e) => update(index, { certificate: e.target.value })}
                    />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={label(t('office.commission.ownStaff'))}
                      checked={member.collegeId === session.collegeId}
                      onChange={(e) => {
                        const { collegeId: _dropped, ...rest } = member;
                        const next = e.target.checked
                          ? { ...rest, collegeId: session.collegeId }
                          : rest;
                        setSaved(false);
                        setMembers((all) => all.map((m, i) => (i === index ? next : m)));
                      }}
                    />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={label(t('office.commission.marks'))}
                      checked={member.marks}
                      onChange={(e) => update(index, { marks: e.target.checked })}
                    />
                  </td>
                  <td>
                    {member.id &&
                      member.marks &&
                      session.commission.some((m) => m.id === member.id) &&
                      (issued[member.id] ? (
                        <code className="exam-pin">{issued[member.id]!.pin}</code>
                      ) : (
                        <button
                          type="button"
                          aria-label={t('office.commission.issuePin')}
                          title={t('office.commission.issuePin')}
                          onClick={() => void issuePin(member.id!)}
                        >
                          {t('office.commission.pin')}
                        </button>
                      ))}
                    <button
                      type="button"
                      aria-label={label(t('office.commission.remove'))}
                      onClick={() => setMembers((all) => all.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                </tr>,
                problems.length > 0 && (
                  <tr key={`p${index}`} className="exam-problems">
                    <td colSpan={10} role="alert">
                      {problems.join(' · ')}
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <div className="exam-actions">
        <button type="button" onClick={() => setMembers((all) => [...all, blankMember()])}>
          {t('office.commission.add')}
        </button>
        <button type="button" className="exam-button primary" onClick={() => void save()}>
          {t('office.commission.save')}
        </button>
      </div>
      <ErrorReport error={error} />
      {saved && <p role="status">{t('office.saved')}</p>}
      <SignInCards session={session} issued={issued} onClose={() => setIssued({})} />
    </section>
  );
}
