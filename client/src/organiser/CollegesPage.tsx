import { useTranslation } from 'react-i18next';
import { getRegion, type CollegesReply } from '@ashyq/shared';
import { collegeName, useForm } from './api';
import { RegionOptions } from '../app/RegionOptions';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { byName } from '../lib/collate';
import { useLanguage } from '../lib/language';

/** Colleges and their BINs, shared by every championship (competitors are matched to them). */
export function CollegesPage() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [loaded, reload] = useResource<CollegesReply>('/api/organiser/colleges', {
    signIn: '/login',
  });
  const { form, set, error, submit, reset } = useForm({
    id: '',
    kk: '',
    ru: '',
    en: '',
    bin: '',
    regionId: 'astana',
  });

  const add = submit(async () => {
    await apiRequest('POST', '/api/organiser/colleges', {
      id: form.id,
      name: { kk: form.kk, ru: form.ru, ...(form.en ? { en: form.en } : {}) },
      ...(form.bin ? { bin: form.bin } : {}),
      regionId: form.regionId,
    });
    reset();
    reload();
  });

  return (
    <section>
      <h1>{t('colleges.title')}</h1>
      {loaded.state === 'failed' && <ErrorReport error={loaded.error} />}
      {loaded.state === 'ready' &&
        (loaded.data.colleges.length === 0 ? (
          <p>{t('colleges.none')}</p>
        ) : (
          // Focusable: on a phone it scrolls sideways in its box, by keyboard too.
          <table className="org-table" tabIndex={0}>
            <thead>
              <tr>
                <th>{t('field.nameRu')}</th>
                <th>{t('field.bin')}</th>
                <th>{t('field.region')}</th>
              </tr>
            </thead>
            <tbody>
              {byName(loaded.data.colleges, (c) => collegeName(c, lang) ?? c.id, lang).map(
                (college) => (
                  <tr key={college.id}>
                    <td>{collegeName(college, lang)}</td>
                    <td>{college.bin ?? '—'}</td>
                    <td>{getRegion(college.regionId)?.name[lang] ?? college.regionId}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        ))}
      <form onSubmit={add} className="org-form org-grid org-panel" aria-label={t('colleges.add')}>
        <h2>{t('colleges.add')}</h2>
        <label>
          {t('field.id')}
          <input name="college-id" value={form.id} onChange={set('id')} required />
        </label>
        <label>
          {t('field.nameKk')}
          <input name="college-kk" value={form.kk} onChange={set('kk')} required />
        </label>
        <label>
          {t('field.nameRu')}
          <input name="college-ru" value={form.ru} onChange={set('ru')} required />
        </label>
        <label>
          {t('field.nameEn')}
          <input name="college-en" value={form.en} onChange={set('en')} />
        </label>
        <label>
          {t('field.bin')}
          <input name="college-bin" value={form.bin} onChange={set('bin')} inputMode="numeric" />
        </label>
        <label>
          {t('field.region')}
          <select name="college-region" value={form.regionId} onChange={set('regionId')}>
            <RegionOptions lang={lang} />
          </select>
        </label>
        <div className="org-actions">
          <ErrorReport error={error} />
          <button type="submit" className="primary">
            {t('add')}
          </button>
        </div>
      </form>
    </section>
  );
}
