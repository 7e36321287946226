import { areaClauseCounts, type ProgramWarning } from '@jianyan/shared';
import type { ProgramNode } from './graphql';
import type { ProgramsText } from './useProgramsText';

/** Goal and measure counts per area: what the admin compares with the document first. */
export function AreaCounts({ nodes, t }: { nodes: ProgramNode[]; t: ProgramsText }) {
  const counts = areaClauseCounts(nodes);
  if (counts.length === 0) return null;
  return (
    <table className="table area-counts" data-testid="program-import-area-counts">
      <caption>{t('import.countsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.countsArea')}</th>
          <th scope="col">{t('import.countsGoals')}</th>
          <th scope="col">{t('import.countsMeasures')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((area) => (
          <tr key={area.index}>
            <th scope="row">
              {nodes[area.index].number} {area.text}
            </th>
            <td>{area.goals}</td>
            <td>{area.measures}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The structure warnings of the tree as it is now, worded; the same rules refuse the save unless accepted. */
export function StructureWarnings({ warnings, t }: { warnings: ProgramWarning[]; t: ProgramsText }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="program-import-warnings">
      <p>{t('import.warningsTitle', { count: warnings.length })}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.code}-${w.index}`}>
            {t(`import.warning.${w.code}`, {
              row: w.index + 1,
              number: w.number,
              expected: w.expected === 'goal' || w.expected === 'measure' ? t(`kinds.${w.expected}`) : (w.expected ?? ''),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
