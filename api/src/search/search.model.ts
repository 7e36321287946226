import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class SearchFilterInput {
  @Field()
  field!: string;

  @Field(() => [String])
  values!: string[];
}

@InputType()
export class SearchInput {
  @Field({ description: 'evidence, proposals or clauses' })
  index!: string;

  @Field({ defaultValue: '' })
  text!: string;

  @Field(() => [SearchFilterInput], { defaultValue: [] })
  filters!: SearchFilterInput[];

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => Int, { defaultValue: 0 })
  offset!: number;
}

@ObjectType()
export class SearchField {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  value!: string | null;
}

@ObjectType()
export class SearchHitModel {
  @Field({ description: 'Id of the entity found (evidence, proposal, clause)' })
  id!: string;

  @Field({ description: 'HTML-safe: the text is escaped and the matched words are wrapped in <mark>' })
  snippet!: string;

  @Field(() => [SearchField], { description: 'Display fields of the hit (title, district, date...), masked where needed' })
  fields!: SearchField[];
}

@ObjectType()
export class FacetValue {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class SearchFacet {
  @Field()
  field!: string;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType()
export class SearchResultModel {
  @Field(() => Int)
  total!: number;

  @Field(() => [SearchHitModel])
  hits!: SearchHitModel[];

  @Field(() => [SearchFacet])
  facets!: SearchFacet[];
}
