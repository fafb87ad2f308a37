import { Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Role } from '@lahde/platform/auth';
import { Can } from '@lahde/platform/authz';
import { County, CountyService } from '@lahde/domain/directory';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(Role, { name: 'Role' });

@ObjectType({ description: 'The signed-in caller, as the verified token describes them.' })
export class Me {
  @Field({ description: 'Issuer and subject together: unique across identity providers.' }) id: string;
  @Field() subject: string;
  @Field() issuer: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Role) role: Role;
  @Field(() => String, { nullable: true, description: 'Code of your county; null for national roles.' }) countyCode: string | null;
}

@Resolver(() => Me)
export class MeResolver {
  constructor(private readonly counties: CountyService) {}

  @Query(() => Me)
  @Can('read', 'Me')
  me(@CurrentPrincipal() principal: Principal): Me {
    const { id, subject, issuer, name, role, countyCode } = principal;
    return { id, subject, issuer, name, role, countyCode };
  }

  @ResolveField(() => County, { nullable: true, description: 'Your county, with its latest population.' })
  @Can('read', 'County')
  async county(@Parent() me: Me): Promise<County | null> {
    if (!me.countyCode) return null;
    const [county] = await this.counties.counties(null, me.countyCode);
    return county ?? null;
  }
}
