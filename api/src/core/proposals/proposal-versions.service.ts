import { VERSION_NAME_MAX_LENGTH, isProposalEditable, type ProposalVersionKind } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { oneLine, validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalBodyBridge } from './proposal-body-bridge';
import { ProposalEntity, ProposalVersionEntity } from './proposal.entity';
import { SuggestionEntity } from './suggestion.entity';

const saveSchema = z.object({
  proposalId: z.string().min(1),
  name: oneLine(z.string().trim().min(1, 'is required').max(VERSION_NAME_MAX_LENGTH, `must be at most ${VERSION_NAME_MAX_LENGTH} characters`)),
});
const restoreSchema = z.object({ proposalId: z.string().min(1), number: z.number().int().min(1) });

/** Numbered versions of a proposal: saved by hand, frozen at submission, made by a restore. History is never rewritten. */
@Injectable()
export class ProposalVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly bodies: ProposalBodyBridge,
  ) {}

  async save(actor: Actor, input: { proposalId: string; name: string }): Promise<ProposalVersionEntity> {
    const data = validateInput(saveSchema, input);
    await this.access.require(actor, data.proposalId, 'canEdit');
    await this.bodies.flush(data.proposalId);
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.access.require(actor, data.proposalId, 'canEdit', manager);
      return this.freeze(manager, actor, proposal, 'manual', data.name);
    });
  }

  /** Puts an old version's body back as a new change, then records the result as a new version. */
  async restore(actor: Actor, input: { proposalId: string; number: number }): Promise<ProposalVersionEntity> {
    const data = validateInput(restoreSchema, input);
    const { proposal } = await this.access.require(actor, data.proposalId, 'canEdit');
    if (!isProposalEditable(proposal.status)) throw AppErrors.badInput('proposalId', 'a submitted proposal can no longer be changed');
    const version = await this.dataSource.manager.findOneBy(ProposalVersionEntity, { proposalId: proposal.id, number: data.number });
    if (!version) throw AppErrors.badInput('number', `version ${data.number} does not exist`);
    if (!version.bodyJson) throw AppErrors.badInput('number', `version ${data.number} has no recorded body to restore`);
    await this.bodies.replace(proposal.id, JSON.parse(version.bodyJson), actor.userId);
    await this.bodies.flush(proposal.id);
    return runTransaction(this.dataSource, async (manager) => {
      const current = await manager.findOneByOrFail(ProposalEntity, { id: proposal.id });
      return this.freeze(manager, actor, current, 'restored', `v${data.number}`);
    });
  }

  /** Saves the next numbered version of the proposal as it is now. */
  async freeze(
    manager: EntityManager,
    actor: Actor,
    proposal: ProposalEntity,
    kind: ProposalVersionKind,
    name: string | null,
  ): Promise<ProposalVersionEntity> {
    const suggestions = await manager.find(SuggestionEntity, {
      where: { proposalId: proposal.id },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const number = (await manager.countBy(ProposalVersionEntity, { proposalId: proposal.id })) + 1;
    return manager.save(
      manager.create(ProposalVersionEntity, {
        proposalId: proposal.id,
        number,
        name,
        kind,
        title: proposal.title,
        summary: proposal.summary,
        suggestions: suggestions.map((s, i) => ({ id: s.id, number: i + 1, title: s.title, text: s.text, programArea: s.programArea })),
        bodyText: proposal.bodyText,
        bodyJson: proposal.bodyJson,
        createdById: actor.userId,
        createdAt: new Date(),
      }),
    );
  }
}
