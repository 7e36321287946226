import { EVIDENCE_AUDIT_ACTIONS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { AuditService } from '../audit/audit.service';
import type { EvidenceView } from './evidence-clearance.service';

/**
 * Writes `evidence.raw_read` audit entries when raw content of a restricted record is served.
 * In GraphQL, one entry per record per request (however many of its fields are asked for), written
 * before the content is returned: if the entry cannot be written, the content is not served.
 */
@Injectable()
export class EvidenceReads {
  private readonly loaders = new WeakMap<GraphQLContext, DataLoader<EvidenceView, true, string>>();

  constructor(private readonly audit: AuditService) {}

  /** True when serving this view's content means reading restricted raw content. */
  static isRestrictedRaw(view: EvidenceView): boolean {
    return view.canSeeRaw && view.effective.level === 'restricted';
  }

  async noteGraphQLRead(context: GraphQLContext, view: EvidenceView): Promise<void> {
    if (!EvidenceReads.isRestrictedRaw(view)) return;
    const actor = context.req.actor!;
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader<EvidenceView, true, string>(
        async (views) => {
          await this.record(actor, views, { via: 'graphql' });
          return views.map(() => true as const);
        },
        { cacheKeyFn: (v) => v.record.id },
      );
      this.loaders.set(context, loader);
    }
    await loader.load(view);
  }

  /** Records raw reads of the restricted records among `views` (exports). */
  async record(actor: Actor, views: readonly EvidenceView[], details: Record<string, unknown>): Promise<void> {
    await this.recordRaw(actor, views.filter(EvidenceReads.isRestrictedRaw), details);
  }

  /** Records raw reads of all these records, restricted or not (a download of an attachment holding personal data). */
  async recordRaw(actor: Actor, views: readonly EvidenceView[], details: Record<string, unknown>): Promise<void> {
    await this.audit.record(
      views.map((view) => ({
        actorId: actor.userId,
        action: EVIDENCE_AUDIT_ACTIONS.rawRead,
        entityType: 'evidence',
        entityId: view.record.id,
        organizationId: view.record.organizationId,
        details,
      })),
    );
  }
}
