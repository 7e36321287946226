import { CLAUSE_KINDS, type ClauseKind, type ProgramNode } from './graphql';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';

interface PreviewTreeProps {
  nodes: ProgramNode[];
  onChange: (nodes: ProgramNode[]) => void;
}

/**
 * The recognised tree as editable rows in document order: number, text and kind of each node,
 * its level (never more than one below the row above), and removal. Removing a row lifts its
 * children so the tree stays valid.
 */
export function PreviewTree({ nodes, onChange }: PreviewTreeProps) {
  const t = useProgramsText();
  const update = (index: number, changes: Partial<ProgramNode>) => onChange(nodes.map((n, i) => (i === index ? { ...n, ...changes } : n)));
  const maxDepth = (index: number) => (index === 0 ? 0 : nodes[index - 1].depth + 1);

  const shift = (index: number, by: -1 | 1) => {
    const node = nodes[index];
    const depth = Math.max(0, Math.min(maxDepth(index), node.depth + by));
    if (depth === node.depth) return;
    const next = [...nodes];
    next[index] = { ...node, depth };
    // its descendants move with it
    for (let i = index + 1; i < next.length && nodes[i].depth > node.depth; i++) next[i] = { ...next[i], depth: next[i].depth + (depth - node.depth) };
    onChange(next);
  };

  const remove = (index: number) => {
    const node = nodes[index];
    const next = nodes.filter((_, i) => i !== index);
    for (let i = index; i < next.length && next[i].depth > node.depth; i++) next[i] = { ...next[i], depth: next[i].depth - 1 };
    onChange(next.map((n, i) => ({ ...n, depth: Math.min(n.depth, i === 0 ? 0 : next[i - 1].depth + 1) })));
  };

  return (
    <ol className="preview-tree">
      {nodes.map((node, index) => (
        <li
          key={index}
          className="preview-node"
          style={{ marginInlineStart: `${node.depth * 1.5}rem` }}
          data-testid={PROGRAMS_TEST_IDS.previewNode}
          data-depth={node.depth}
          aria-label={t('import.rowLabel', { index: index + 1 })}
        >
          <input
            className="input input-compact preview-number"
            aria-label={t('import.number')}
            value={node.number}
            maxLength={20}
            onChange={(event) => update(index, { number: event.target.value })}
            data-testid={PROGRAMS_TEST_IDS.nodeNumber}
          />
          <textarea
            className="input textarea preview-text"
            aria-label={t('import.text')}
            value={node.text}
            rows={Math.min(4, Math.max(1, Math.ceil(node.text.length / 48)))}
            maxLength={5000}
            onChange={(event) => update(index, { text: event.target.value })}
            data-testid={PROGRAMS_TEST_IDS.nodeText}
          />
          {(node.note || node.responsibleUnits) && (
            <span className="preview-extra muted">
              {node.note && <span>{t('import.note', { note: node.note })}</span>}
              {node.responsibleUnits && <span>{t('import.responsibleUnits', { units: node.responsibleUnits })}</span>}
            </span>
          )}
          {(node.kindInferred || node.numberInferred) && (
            <span
              className="badge badge-warning preview-inferred"
              title={[node.kindInferred && t('import.inferredKind'), node.numberInferred && t('import.inferredNumber')].filter(Boolean).join('\n')}
              data-testid="program-import-inferred"
            >
              {t('import.inferred')}
            </span>
          )}
          <select
            className="input input-compact preview-kind"
            aria-label={t('import.kind')}
            value={node.kind}
            onChange={(event) => update(index, { kind: event.target.value as ClauseKind })}
            data-testid={PROGRAMS_TEST_IDS.nodeKind}
          >
            {CLAUSE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
          <span className="preview-buttons">
            <button
              type="button"
              className="button button-small button-icon"
              title={t('import.outdent')}
              aria-label={t('import.outdent')}
              disabled={node.depth === 0}
              onClick={() => shift(index, -1)}
              data-testid={PROGRAMS_TEST_IDS.nodeOutdent}
            >
              ←
            </button>
            <button
              type="button"
              className="button button-small button-icon"
              title={t('import.indent')}
              aria-label={t('import.indent')}
              disabled={node.depth >= maxDepth(index)}
              onClick={() => shift(index, 1)}
              data-testid={PROGRAMS_TEST_IDS.nodeIndent}
            >
              →
            </button>
            <button
              type="button"
              className="button button-small button-danger-outline"
              title={t('import.remove')}
              aria-label={t('import.remove')}
              onClick={() => remove(index)}
              data-testid={PROGRAMS_TEST_IDS.nodeRemove}
            >
              ×
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
