import { EVIDENCE_CITATION_ID_MAX_LENGTH, EVIDENCE_LINK_NOTE_MAX_LENGTH, EVIDENCE_LINK_QUOTE_MAX_LENGTH, capabilitiesOf } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { ProposalMembersService } from '../proposals/proposal-members.service';
import { ProposalEntity } from '../proposals/proposal.entity';
import { ProposalsService } from '../proposals/proposals.service';
import { SuggestionsService } from '../proposals/suggestions.service';
import { EvidenceView } from './evidence-clearance.service';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceLinkEntity } from './evidence.entity';
import { EvidenceLinkModel, LinkEvidenceInput } from './evidence-link.model';

const optional = (limit: number) =>
  z
    .string()
    .trim()
    .max(limit, `must be at most ${limit} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const linkSchema = z
  .object({
    evidenceId: z.string().min(1, 'is required'),
    proposalId: z.string().min(1, 'is required'),
    suggestionId: z.string().nullish().transform((v) => v || null),
    citationId: optional(EVIDENCE_CITATION_ID_MAX_LENGTH),
    quote: optional(EVIDENCE_LINK_QUOTE_MAX_LENGTH),
    note: optional(EVIDENCE_LINK_NOTE_MAX_LENGTH),
  })
  .refine((v) => !v.citationId || v.quote, { path: ['quote'], message: 'is required when linking a passage (citationId)' });

/**
 * Evidence linked to proposals, suggestions and passages. Owners and co-authors of a proposal link
 * evidence they may see; readers of the proposal see each link, as a placeholder when they are not
 * cleared for the evidence.
 */
@Injectable()
export class EvidenceLinksService {
  constructor(
    @InjectRepository(EvidenceLinkEntity) private readonly links: Repository<EvidenceLinkEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: EvidenceQueryService,
    private readonly proposals: ProposalsService,
    private readonly members: ProposalMembersService,
    private readonly suggestions: SuggestionsService,
  ) {}

  async link(actor: Actor, input: LinkEvidenceInput): Promise<EvidenceLinkModel> {
    const data = validateInput(linkSchema, input);
    const view = await this.query.get(actor, data.evidenceId);
    if (view.record.status !== 'published') throw AppErrors.badInput('evidenceId', `the evidence is ${view.record.status}; publish it first`);
    const proposal = await this.requireEditor(actor, data.proposalId);
    if (data.suggestionId) {
      const { suggestion } = await this.suggestions.load(actor, data.suggestionId);
      if (suggestion.proposalId !== proposal.id) throw AppErrors.badInput('suggestionId', 'belongs to another proposal');
    }
    const link = await runTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(EvidenceLinkEntity);
      const same = await repository.existsBy({
        evidenceId: data.evidenceId,
        proposalId: proposal.id,
        suggestionId: data.suggestionId ?? IsNull(),
        citationId: data.citationId ?? IsNull(),
      });
      if (same) throw AppErrors.badInput('evidenceId', 'is already linked there');
      return repository.save(repository.create({ ...data, proposalId: proposal.id, createdById: actor.userId, createdAt: new Date() }));
    });
    return EvidenceLinkModel.from(link, view, proposal);
  }

  /** Removes a link (owners and co-authors of its proposal). Returns the id removed. */
  async unlink(actor: Actor, linkId: string): Promise<string> {
    const link = await this.links.findOneBy({ id: linkId });
    if (!link) throw AppErrors.notFound('Evidence link');
    await this.requireEditor(actor, link.proposalId).catch((error) => {
      if (error?.extensions?.code === 'NOT_FOUND') throw AppErrors.notFound('Evidence link');
      throw error;
    });
    await this.links.delete({ id: link.id });
    return link.id;
  }

  /** The proposal, if the caller may edit it (owner or co-author); NOT_FOUND / FORBIDDEN otherwise. */
  private async requireEditor(actor: Actor, proposalId: string): Promise<ProposalEntity> {
    const proposal = await this.proposals.get(actor, proposalId);
    const [members] = await this.members.byProposalIds([proposal.id]);
    const role = members.find((m) => m.userId === actor.userId)?.role ?? null;
    if (!capabilitiesOf(role).canEdit) throw AppErrors.forbidden('Only the owners and co-authors of a proposal may link evidence to it');
    return proposal;
  }

  /**
   * The links of each proposal, oldest first, with the evidence as the caller may see it, or as a
   * placeholder. The caller must already be allowed to see the proposals.
   */
  async byProposalIds(actor: Actor, proposalIds: readonly string[]): Promise<EvidenceLinkModel[][]> {
    const rows = await this.links.find({ where: { proposalId: In([...proposalIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const views = await this.query.visibleByIds(actor, rows.map((r) => r.evidenceId));
    const models = rows.map((r) => EvidenceLinkModel.from(r, views.get(r.evidenceId) ?? null));
    return proposalIds.map((id) => models.filter((m) => m.proposalId === id));
  }

  /** The links of each record to proposals the caller may see. The caller must already see the records. */
  async byEvidence(actor: Actor, views: readonly EvidenceView[]): Promise<EvidenceLinkModel[][]> {
    const ids = views.map((v) => v.record.id);
    const rows = await this.links.find({ where: { evidenceId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const visible = new Map((await this.proposals.visibleByIds(actor, rows.map((r) => r.proposalId))).map((p) => [p.id, p]));
    return views.map((view) =>
      rows
        .filter((r) => r.evidenceId === view.record.id && visible.has(r.proposalId))
        .map((r) => EvidenceLinkModel.from(r, view, visible.get(r.proposalId))),
    );
  }
}
