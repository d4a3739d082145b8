import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measurementMark, type Aspect, type MarkValue, type MeasurementValue } from '@ashyq/shared';
import { formatMark } from './view';

/**
 * The entry controls for one aspect of one competitor. Judgement, binary and choice save with one
 * tap; a measured value shows the resulting mark (from the shared engine) before it is saved.
 */
export function MarkEntry({
  aspect,
  onSave,
  measuredLabel,
}: {
  aspect: Aspect;
  onSave: (value: MarkValue) => void;
  /** The measured value's button, where it only picks the value (a correction): default "save". */
  measuredLabel?: string;
}) {
  const { t } = useTranslation('expert');
  if (aspect.type === 'J') {
    return (
      <div className="entry-choices judgement">
        {(aspect.descriptors ?? ['', '', '', '']).map((descriptor, score) => (
          <button
            key={score}
            type="button"
            onClick={() => onSave({ kind: 'judgement', score })}
            aria-label={t('mark.score', { score })}
          >
            <span className="big">{score}</span>
            <span className="descriptor">{descriptor}</span>
          </button>
        ))}
      </div>
    );
  }
  const spec = aspect.measurement ?? { kind: 'binary' as const };
  if (spec.kind === 'deduction') {
    return <MeasuredEntry aspect={aspect} onSave={onSave} label={measuredLabel} />;
  }
  const options: { label: string; value: MeasurementValue }[] =
    spec.kind === 'choice'
      ? spec.options.map((option, index) => ({
          label: option.label,
          value: { kind: 'choice', option: index },
        }))
      : [
          { label: t('mark.achieved'), value: { kind: 'binary', achieved: true } },
          { label: t('mark.notAchieved'), value: { kind: 'binary', achieved: false } },
        ];
  return (
    <div className="entry-choices">
      {options.map(({ label, value }) => (
        <button key={label} type="button" onClick={() => onSave(value)}>
          <span className="label">{label}</span>
          <span className="mark">
            {t('mark.markValue', { mark: formatMark(measurementMark(aspect, value)) })}
          </span>
        </button>
      ))}
    </div>
  );
}

function MeasuredEntry({
  aspect,
  onSave,
  label,
}: {
  aspect: Aspect;
  onSave: (value: MarkValue) => void;
  label: string | undefined;
}) {
  const { t } = useTranslation('expert');
  const [text, setText] = useState('');
  const measured = Number(text.replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(measured);
  const value: MarkValue = { kind: 'deduction', measured };
  const spec = aspect.measurement?.kind === 'deduction' ? aspect.measurement : null;
  return (
    <div className="entry-measured">
      {spec && (
        <p className="hint">
          {t('mark.target', { target: spec.target, unit: spec.unit, deduction: spec.deduction })}
        </p>
      )}
      <label>
        {t('mark.measured')}
        <input
          name="measured"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <output className="preview" aria-live="polite">
        {valid
          ? t('mark.preview', { mark: formatMark(measurementMark(aspect, value)) })
          : t('mark.invalidNumber')}
      </output>
      <button type="button" className="primary" disabled={!valid} onClick={() => onSave(value)}>
        {label ?? t('mark.save')}
      </button>
    </div>
  );
}
