import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { loadOrganization } from '../organizations/organization.loader';
import { OrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { PersonSummary } from '../users/user.model';
import { attachmentModel } from './evidence-attachments.service';
import { EvidenceLinkModel } from './evidence-link.model';
import { findingViews, maskedFigures } from './evidence-masking';
import { EvidenceReads } from './evidence-reads';
import { EvidenceLoaders } from './evidence.loaders';
import {
  EvidenceAttachmentModel,
  EvidenceConsentModel,
  EvidenceFigureModel,
  EvidenceGrantModel,
  EvidenceModel,
  PiiFindingModel,
} from './evidence.model';

/**
 * The content fields of evidence. Title, narrative and figures are served masked unless the viewer
 * may read them raw; raw content of a restricted record is audited before it is returned.
 */
@Resolver(() => EvidenceModel)
export class EvidenceFieldsResolver {
  constructor(
    private readonly reads: EvidenceReads,
    private readonly loaders: EvidenceLoaders,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => String)
  async title(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<string> {
    await this.reads.noteGraphQLRead(context, e.view);
    return e.view.canSeeRaw ? e.view.record.title : e.view.record.titleMasked;
  }

  @ResolveField(() => String, { description: 'Plain text; personal data masked unless rawContent' })
  async narrative(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<string> {
    await this.reads.noteGraphQLRead(context, e.view);
    return e.view.canSeeRaw ? e.view.record.narrative : e.view.record.narrativeMasked;
  }

  @ResolveField(() => [EvidenceFigureModel])
  async figures(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<EvidenceFigureModel[]> {
    await this.reads.noteGraphQLRead(context, e.view);
    return e.view.canSeeRaw ? e.view.record.figures : maskedFigures(e.view.record);
  }

  @ResolveField(() => EvidenceConsentModel, { nullable: true, description: 'The consent details; null unless the viewer may read raw content' })
  consent(@Parent() e: EvidenceModel): EvidenceConsentModel | null {
    if (!e.view.canSeeRaw) return null;
    const r = e.view.record;
    return { obtained: r.consentObtained, obtainedBy: r.consentObtainedBy, obtainedOn: r.consentObtainedOn, scope: r.consentScope, expiresOn: r.consentExpiresOn };
  }

  @ResolveField(() => [PiiFindingModel], { nullable: true, description: 'What was detected on save; null unless the viewer may read raw content' })
  piiFindings(@Parent() e: EvidenceModel): PiiFindingModel[] | null {
    return e.view.canSeeRaw ? findingViews(e.view.record) : null;
  }

  @ResolveField(() => Int, { description: 'How many pieces of personal data are masked for viewers not cleared for raw content' })
  piiCount(@Parent() e: EvidenceModel): number {
    return e.view.record.piiFindings.length;
  }

  @ResolveField(() => [String], { nullable: true, description: 'Names the contributor marked; null unless the viewer may read raw content' })
  markedNames(@Parent() e: EvidenceModel): string[] | null {
    return e.view.canSeeRaw ? e.view.record.markedNames : null;
  }

  @ResolveField(() => PersonSummary)
  contributor(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(e.contributorId);
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return loadOrganization(context, this.organizations, e.organizationId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  async district(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<OrganizationModel | null> {
    return e.districtId ? loadOrganization(context, this.organizations, e.districtId) : null;
  }

  @ResolveField(() => [EvidenceAttachmentModel])
  async attachments(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<EvidenceAttachmentModel[]> {
    return (await this.loaders.attachmentsOf(context).load(e.id)).map((a) => attachmentModel(a, e.view));
  }

  @ResolveField(() => [EvidenceGrantModel], { nullable: true, description: 'Who was granted access; null unless the viewer manages the record' })
  async grants(@Parent() e: EvidenceModel, @Context() context: GraphQLContext): Promise<EvidenceGrantModel[] | null> {
    if (!e.view.canManage) return null;
    return (await this.loaders.grantsOf(context).load(e.id)).map((g) => Object.assign(new EvidenceGrantModel(), g));
  }

  @ResolveField(() => [EvidenceLinkModel], { description: 'The proposals and suggestions it supports that the viewer may see' })
  links(@Parent() e: EvidenceModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<EvidenceLinkModel[]> {
    return this.loaders.linksOf(context, actor).load(e.view);
  }
}

@Resolver(() => EvidenceGrantModel)
export class EvidenceGrantResolver {
  constructor(private readonly loaders: EvidenceLoaders) {}

  @ResolveField(() => PersonSummary)
  user(@Parent() g: EvidenceGrantModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(g.userId);
  }

  @ResolveField(() => PersonSummary)
  grantedBy(@Parent() g: EvidenceGrantModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(g.grantedById);
  }
}
