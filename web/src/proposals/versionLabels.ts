import type { ProposalVersionKind } from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import type { ProposalVersion } from '../graphql/types';

type Labelled = Pick<ProposalVersion, 'number' | 'name' | 'kind'>;

/** A restore is recorded with the name `vN`, N being the number of the version put back. */
const RESTORED_NAME = /^v(\d+)$/;

/** How versions are called in the interface: 第 2 版 · 第二稿 / 第 3 版 · 由第 1 版恢复. */
export function useVersionLabels() {
  const { t } = useTranslation();
  const kind = (value: ProposalVersionKind): string => t(`versions.kinds.${value}`);
  const name = (version: Labelled): string => {
    const restoredFrom = version.kind === 'restored' ? RESTORED_NAME.exec(version.name ?? '') : null;
    if (restoredFrom) return t('versions.restoredFrom', { number: Number(restoredFrom[1]) });
    return version.name?.trim() || kind(version.kind);
  };
  const numbered = (version: Pick<ProposalVersion, 'number'>): string => t('versions.item', { number: version.number });
  return {
    kind,
    /** The given name, or what made the version when it has none. */
    name,
    numbered,
    /** 第 N 版 · name */
    full: (version: Labelled): string => `${numbered(version)} · ${name(version)}`,
  };
}
