import type { EvidenceLinkKind } from '@jianyan/shared';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ProposalEntity } from '../proposals/proposal.entity';
import type { EvidenceView } from './evidence-clearance.service';
import { EvidenceLinkEntity } from './evidence.entity';
import { EvidenceLinkKindEnum } from './evidence.model';

@ObjectType('EvidenceLink', {
  description:
    'Evidence supporting a proposal, a suggestion or a quoted passage. When the viewer is not cleared for the evidence, ' +
    'the link is a placeholder: evidence and note are null and restricted is true.',
})
export class EvidenceLinkModel {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceLinkKindEnum)
  kind!: EvidenceLinkKind;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true })
  suggestionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The citationId of the evidenceCitation mark in the text' })
  citationId!: string | null;

  @Field(() => String, { nullable: true, description: 'The passage quoted from the proposal' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'What the evidence shows; null in placeholders' })
  note!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field({ description: 'True when the viewer is not cleared for the evidence (a placeholder)' })
  restricted!: boolean;

  evidenceId!: string;
  createdById!: string;
  view!: EvidenceView | null;
  proposal?: ProposalEntity;

  static from(link: EvidenceLinkEntity, view: EvidenceView | null, proposal?: ProposalEntity): EvidenceLinkModel {
    return Object.assign(new EvidenceLinkModel(), {
      id: link.id,
      kind: link.citationId ? 'passage' : link.suggestionId ? 'suggestion' : 'proposal',
      proposalId: link.proposalId,
      suggestionId: link.suggestionId,
      citationId: link.citationId,
      quote: link.quote,
      note: view ? link.note : null,
      createdAt: link.createdAt,
      restricted: !view,
      evidenceId: link.evidenceId,
      createdById: link.createdById,
      view,
      proposal,
    });
  }
}

@ObjectType('SuggestionEvidenceLinks')
export class SuggestionEvidenceLinksModel {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => [EvidenceLinkModel])
  links!: EvidenceLinkModel[];
}

@ObjectType('ProposalEvidenceLinks', { description: 'The evidence links of a proposal, grouped for display' })
export class ProposalEvidenceLinksModel {
  @Field(() => [EvidenceLinkModel], { description: 'Every link, oldest first' })
  all!: EvidenceLinkModel[];

  @Field(() => [EvidenceLinkModel], { description: 'Links to the proposal as a whole, or to passages outside any suggestion' })
  general!: EvidenceLinkModel[];

  @Field(() => [SuggestionEvidenceLinksModel], { description: 'Links per suggestion (only suggestions that have some)' })
  bySuggestion!: SuggestionEvidenceLinksModel[];
}

@InputType()
export class LinkEvidenceInput {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true, description: 'Link to this suggestion of the proposal' })
  suggestionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Link to a passage: the citationId of its evidenceCitation mark' })
  citationId?: string | null;

  @Field(() => String, { nullable: true, description: 'The quoted passage (required with citationId)' })
  quote?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
