import { useQuery } from '@apollo/client';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { downloadFile } from '../evidence/download';
import { toAppError } from '../graphql/errors';
import { useLanguage } from '../i18n/useLanguage';
import { useDistricts } from '../proposals/districts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { AdoptionChains, AwaitingList } from './DashboardLists';
import { DASHBOARD_QUERY, type DashboardTotals } from './graphql';
import { RateChart, ratePercent } from './RateChart';
import { DASHBOARD_TEST_IDS, totalTestId } from './testids';
import { useDashboardText, type DashboardText } from './useDashboardText';
import './dashboard.css';
import { FollowButton } from '../notifications/FollowButton';

const CSV_ACCEPT = 'text/csv';
const DOCX_ACCEPT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function Totals({ totals, t }: { totals: DashboardTotals; t: DashboardText }) {
  const days = (value: number | null) => (value === null ? t('totals.none') : t('totals.days', { days: Number(value.toFixed(1)) }));
  const figures: [string, string, string][] = [
    ['proposals', t('totals.proposals'), String(totals.proposals)],
    ['submitted', t('totals.submitted'), String(totals.submittedSuggestions)],
    ['adopted', t('totals.adopted'), String(totals.adoptedSuggestions)],
    ['rate', t('totals.rate'), ratePercent(totals.adoptionRate)],
    ['median', t('totals.median'), days(totals.medianDaysToAdoption)],
    ['mean', t('totals.mean'), days(totals.meanDaysToAdoption)],
    ['awaiting', t('totals.awaiting'), String(totals.awaiting)],
  ];
  return (
    <section aria-label={t('totals.label')}>
      <dl className="dashboard-totals">
        {figures.map(([name, label, value]) => (
          <div key={name} className="dashboard-total" data-testid={totalTestId(name)} data-value={value}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** /dashboard (领导看板): adoption figures with charts and tables, the awaiting list, evidence chains, exports. */
export function DashboardPage() {
  const t = useDashboardText();
  usePageTitle(t('title'));
  const { isEnglish } = useLanguage();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') && /^\d{4}$/.test(params.get('year')!) ? Number(params.get('year')) : null;
  const districtId = params.get('district') || null;
  const { districts } = useDistricts();
  const query = useQuery(DASHBOARD_QUERY, { variables: { year, districtId }, fetchPolicy: 'cache-and-network' });
  const dashboard = (query.data ?? query.previousData)?.dashboard ?? null;
  const [downloadError, setDownloadError] = useState(false);

  const exportQuery = useMemo(() => {
    const search = new URLSearchParams();
    if (year !== null) search.set('year', String(year));
    if (districtId) search.set('districtId', districtId);
    const text = search.toString();
    return text ? `?${text}` : '';
  }, [year, districtId]);

  const setFilter = (name: 'year' | 'district', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const download = async (path: string, accept: string, fallback: string) => {
    setDownloadError(false);
    const result = await downloadFile(path, accept, fallback);
    if (!result.ok) setDownloadError(true);
  };

  const years = dashboard?.years ?? [];
  return (
    <div className="stack dashboard-page">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>

      <div className="dashboard-toolbar">
        <fieldset className="dashboard-filters">
          <legend className="visually-hidden">{t('filters.label')}</legend>
          <label>
            {t('filters.year')}{' '}
            <select value={year ?? ''} onChange={(e) => setFilter('year', e.target.value)} data-testid={DASHBOARD_TEST_IDS.filterYear}>
              <option value="">{t('filters.allYears')}</option>
              {[...new Set([...years, ...(year !== null ? [year] : [])])].sort().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filters.district')}{' '}
            <select value={districtId ?? ''} onChange={(e) => setFilter('district', e.target.value)} data-testid={DASHBOARD_TEST_IDS.filterDistrict}>
              <option value="">{t('filters.allDistricts')}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {isEnglish ? d.nameEn : d.name}
                </option>
              ))}
            </select>
          </label>
          {districtId && <FollowButton targetType="district" targetId={districtId} />}
        </fieldset>
        <div className="dashboard-downloads" role="group" aria-label={t('downloads.label')}>
          <button
            type="button"
            className="button button-small"
            data-testid={DASHBOARD_TEST_IDS.downloadCsv}
            onClick={() => void download(`/export/dashboard.csv${exportQuery}`, CSV_ACCEPT, 'dashboard.csv')}
          >
            {t('downloads.csv')}
          </button>
          <button
            type="button"
            className="button button-small"
            title={t('downloads.summaryHint')}
            data-testid={DASHBOARD_TEST_IDS.downloadSummary}
            onClick={() => void download(`/export/annual-summary.docx${exportQuery}`, DOCX_ACCEPT, 'annual-summary.docx')}
          >
            {t('downloads.summary')}
          </button>
        </div>
      </div>
      {downloadError && <ErrorNotice error={null} message={t('failed')} />}

      {query.error && !dashboard && <ErrorNotice error={toAppError(query.error)} title={t('failed')} onRetry={() => void query.refetch()} />}
      {!dashboard && !query.error && <Loading label={t('loading')} />}
      {dashboard && (
        <>
          <Totals totals={dashboard.totals} t={t} />
          <div className="dashboard-charts">
            <RateChart dimension="district" title={t('charts.byDistrict')} rows={dashboard.byDistrict} isEnglish={isEnglish} t={t} />
            <RateChart dimension="area" title={t('charts.byProgramArea')} rows={dashboard.byProgramArea} isEnglish={isEnglish} t={t} />
            <RateChart dimension="year" title={t('charts.byYear')} rows={dashboard.byYear} isEnglish={isEnglish} t={t} />
            <RateChart dimension="author" title={t('charts.byAuthor')} rows={dashboard.byAuthor} isEnglish={isEnglish} t={t} />
          </div>
          <AwaitingList awaiting={dashboard.awaiting} t={t} />
          <AdoptionChains adopted={dashboard.adopted} isEnglish={isEnglish} t={t} />
          <details className="dashboard-definitions">
            <summary>{t('definitions.title')}</summary>
            <p>{t('definitions.body')}</p>
          </details>
        </>
      )}
    </div>
  );
}
