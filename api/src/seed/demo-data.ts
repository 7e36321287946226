import type { OrganizationKind, Role } from '@jianyan/shared';

/** The people and places of the story in ../shared/context/DOMAIN.md. For demonstration only. */
export const DEMO_PASSWORD = 'jianyan-demo-2026';

export const DEMO_ORGANIZATIONS: { code: string; name: string; nameEn: string; kind: OrganizationKind; parent?: string }[] = [
  { code: 'fuzhou', name: '福州市妇联', nameEn: 'Fuzhou Women’s Federation', kind: 'federation' },
  { code: 'jinan', name: '晋安区妇联', nameEn: 'Jin’an District Women’s Federation', kind: 'district', parent: 'fuzhou' },
  { code: 'cangshan', name: '仓山区妇联', nameEn: 'Cangshan District Women’s Federation', kind: 'district', parent: 'fuzhou' },
];

export const DEMO_USERS: { displayName: string; email: string; mobile: string; role: Role; organization: string }[] = [
  { displayName: '王敏', email: 'admin@jianyan.demo', mobile: '13800000001', role: 'admin', organization: 'fuzhou' },
  { displayName: '张洁', email: 'zhangjie@jianyan.demo', mobile: '13800000002', role: 'member', organization: 'jinan' },
  { displayName: '林晓燕', email: 'linxiaoyan@jianyan.demo', mobile: '13800000003', role: 'member', organization: 'jinan' },
  { displayName: '陈芳', email: 'chenfang@jianyan.demo', mobile: '13800000004', role: 'contributor', organization: 'jinan' },
  { displayName: '刘思远', email: 'liusiyuan@jianyan.demo', mobile: '13800000005', role: 'researcher', organization: 'fuzhou' },
  { displayName: '黄丽', email: 'huangli@jianyan.demo', mobile: '13800000006', role: 'leader', organization: 'fuzhou' },
];
