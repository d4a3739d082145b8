import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file field that speaks the screen's language: the browser's own button says "Choose File" in
 * the browser's language whatever the page's, so the input is hidden (still focusable and read
 * out through its label) and a button-like text and the chosen file's name are shown instead.
 */
export function FilePicker({
  label,
  name,
  accept,
  disabled,
  className,
  keepValue = false,
  onFile,
}: {
  label: ReactNode;
  name: string;
  accept: string;
  disabled?: boolean;
  className?: string;
  /** Keep the input's value after a choice (a form sends it later); else the same file may be chosen again. */
  keepValue?: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const { t } = useTranslation('common');
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <label className={['file-picker', className].filter(Boolean).join(' ')}>
      <span>{label}</span>
      <input
        type="file"
        className="visually-hidden"
        name={name}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setChosen(file?.name ?? null);
          onFile(file);
          if (!keepValue) e.target.value = '';
        }}
      />
      <span className="file-picker-row">
        <span className="file-picker-button" aria-hidden="true">
          {t('file.choose')}
        </span>
        <span className="file-picker-name">{chosen ?? t('file.none')}</span>
      </span>
    </label>
  );
}
