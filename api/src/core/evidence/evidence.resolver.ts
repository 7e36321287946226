import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { EvidenceGrantsService } from './evidence-grants.service';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceService } from './evidence.service';
import {
  ChangeEvidenceSensitivityInput,
  CreateEvidenceInput,
  EvidenceFilter,
  EvidenceTransitionInput,
  GrantEvidenceAccessInput,
  MarkEvidenceNamesInput,
  PublishEvidenceManyInput,
  RecordEvidenceConsentInput,
  RevokeEvidenceAccessInput,
  UpdateEvidenceInput,
} from './evidence.inputs';
import { EvidenceConnection, EvidenceFacetsModel, EvidenceModel } from './evidence.model';

/** Roles that record evidence; researchers and leaders read it. */
const RECORDERS = ['contributor', 'member', 'admin'] as const;

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(
    private readonly evidenceService: EvidenceService,
    private readonly query: EvidenceQueryService,
    private readonly grants: EvidenceGrantsService,
  ) {}

  @Query(() => EvidenceModel, { description: 'NOT_FOUND when it does not exist or the caller is not cleared for it' })
  async evidence(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.query.get(actor, id));
  }

  @Query(() => EvidenceConnection, { description: 'The evidence the caller is cleared for, newest change first' })
  async evidenceList(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => EvidenceFilter, nullable: true }) filter?: EvidenceFilter | null,
  ) {
    const page = await this.query.list(actor, first, after, filter);
    return { ...page, nodes: page.nodes.map(EvidenceModel.from) };
  }

  @Query(() => EvidenceFacetsModel, { description: 'Counts per facet of the evidence the caller is cleared for' })
  evidenceFacets(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EvidenceFilter, nullable: true }) filter?: EvidenceFilter | null,
  ): Promise<EvidenceFacetsModel> {
    return this.query.facets(actor, filter);
  }

  @Roles(...RECORDERS)
  @Mutation(() => EvidenceModel, { description: 'Records a draft; the caller is its contributor. Sensitivity defaults to restricted.' })
  async createEvidence(@CurrentActor() actor: Actor, @Args('input') input: CreateEvidenceInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.create(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'The contributor or an administrator of its organisation' })
  async updateEvidence(@CurrentActor() actor: Actor, @Args('input') input: UpdateEvidenceInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.update(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'Makes a draft or withdrawn record visible per its sensitivity' })
  async publishEvidence(@CurrentActor() actor: Actor, @Args('input') input: EvidenceTransitionInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.transition(actor, input.id, 'published', input.expectedVersion));
  }

  @Roles(...RECORDERS)
  @Mutation(() => [EvidenceModel], {
    description:
      'Publishes many records at once (e.g. an import), each checked as publishEvidence checks one; one refused and none is published (reason BULK_PUBLISH_REFUSED, failures: [{ id, code, status }])',
  })
  async publishEvidenceMany(@CurrentActor() actor: Actor, @Args('input') input: PublishEvidenceManyInput): Promise<EvidenceModel[]> {
    return (await this.evidenceService.publishMany(actor, input)).map(EvidenceModel.from);
  }

  @Mutation(() => EvidenceModel, { description: 'Hides the record from everyone but its contributor and administrators' })
  async withdrawEvidence(@CurrentActor() actor: Actor, @Args('input') input: EvidenceTransitionInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.transition(actor, input.id, 'withdrawn', input.expectedVersion));
  }

  @Mutation(() => EvidenceModel, { description: 'Audited. The consent rule may still hold the record at restricted.' })
  async changeEvidenceSensitivity(@CurrentActor() actor: Actor, @Args('input') input: ChangeEvidenceSensitivityInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.changeSensitivity(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'Records (or withdraws) consent; audited' })
  async recordEvidenceConsent(@CurrentActor() actor: Actor, @Args('input') input: RecordEvidenceConsentInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.recordConsent(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'Sets the names to mask wherever they appear; personal data is detected again' })
  async markEvidenceNames(@CurrentActor() actor: Actor, @Args('input') input: MarkEvidenceNamesInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.evidenceService.markNames(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'Grants one person access (read: masked; raw: unmasked); audited' })
  async grantEvidenceAccess(@CurrentActor() actor: Actor, @Args('input') input: GrantEvidenceAccessInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.grants.grant(actor, input));
  }

  @Mutation(() => EvidenceModel, { description: 'Removes a person’s grant; audited' })
  async revokeEvidenceAccess(@CurrentActor() actor: Actor, @Args('input') input: RevokeEvidenceAccessInput): Promise<EvidenceModel> {
    return EvidenceModel.from(await this.grants.revoke(actor, input));
  }
}
