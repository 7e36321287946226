import { PROPOSAL_STATUSES, ProposalStatus, SUGGESTION_STATUS_LABELS, SuggestionStatus } from '@jianyan/shared';
import { NotificationEntity } from './notification.entity';

const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: '起草中',
  in_review: '审阅中',
  submitted: '已提交',
  answered: '已答复',
  closed: '已办结',
};

function statusLabel(status: string | null | undefined): string {
  if (!status) return '';
  if ((PROPOSAL_STATUSES as readonly string[]).includes(status)) return PROPOSAL_STATUS_LABELS[status as ProposalStatus];
  return SUGGESTION_STATUS_LABELS[status as SuggestionStatus]?.zh ?? status;
}

/** One line per notification, in Chinese (the users' language), with a link when the public address is known. */
export function describeNotification(n: NotificationEntity, publicUrl: string | null): string {
  const p = n.payload;
  const suggestion = p.suggestionNumber ? `第${p.suggestionNumber}条建议“${p.suggestionTitle ?? ''}”` : '';
  const change = `${statusLabel(p.from)}${p.from ? ' → ' : ''}${statusLabel(p.to)}`;
  const what =
    n.kind === 'adoption'
      ? `《${p.title}》${suggestion}记录办理结果：${statusLabel(p.to)}`
      : n.kind === 'suggestion_status'
        ? `《${p.title}》${suggestion}状态变更：${change}`
        : `《${p.title}》状态变更：${change}`;
  const by = p.actorName ? `（${p.actorName}）` : '';
  const link = publicUrl ? `\n  ${new URL(`/proposals/${n.proposalId}`, publicUrl).toString()}` : '';
  return `${what}${by}${link}`;
}

export function immediateEmail(n: NotificationEntity, publicUrl: string | null): { subject: string; text: string } {
  return {
    subject: `[建言] ${n.kind === 'proposal_status' ? '建议状态变更' : n.kind === 'adoption' ? `办理结果：${statusLabel(n.payload.to)}` : '建议条目状态变更'}：${n.payload.title}`,
    text: `${describeNotification(n, publicUrl)}\n\n—— 建言 Jianyan（可在“通知设置”中关闭邮件或改为每日摘要）\n`,
  };
}

export function digestEmail(list: NotificationEntity[], publicUrl: string | null): { subject: string; text: string } {
  return {
    subject: `[建言] 每日通知摘要：${list.length} 条更新`,
    text: `${list.map((n) => `• ${describeNotification(n, publicUrl)}`).join('\n')}\n\n—— 建言 Jianyan（可在“通知设置”中更改）\n`,
  };
}
