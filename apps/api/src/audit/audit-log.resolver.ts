import { Args, ArgsType, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Can } from '@lahde/platform/authz';
import { TenantTransaction } from '@lahde/platform/tenancy';

@ObjectType({ description: 'Who did what to which record, and when. Kept in the database; nobody can change it through Lähde.' })
export class AuditEntry {
  @Field() at: Date;
  @Field({ description: 'The signed-in caller (issuer#subject) or "system".' }) actor: string;
  @Field({ description: 'CREATE, UPDATE, DELETE, READ_PERSONAL or EXPORT.' }) action: string;
  @Field() entity: string;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field(() => [String], { description: 'Changed fields, for updates.' }) fields: string[];
}

@ArgsType()
class AuditLogArgs {
  @Field({ nullable: true, description: 'e.g. Person, Course, Organisation.' }) @IsOptional() @IsString() @MaxLength(50) entity?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() entityId?: string;
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(1) @Max(1000) last: number = 100;
}

/** The county's audit trail, newest first: "who has looked at this person's data?" */
@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(private readonly tx: TenantTransaction) {}

  @Query(() => [AuditEntry], { description: "Your county's audit trail, newest first." })
  @Can('read', 'AuditLog')
  auditLog(@Args() args: AuditLogArgs): Promise<AuditEntry[]> {
    return this.tx.run((em) =>
      em.query(
        `SELECT at, actor, action, entity, entity_id AS "entityId", fields FROM audit_log
          WHERE ($1::text IS NULL OR entity = $1) AND ($2::uuid IS NULL OR entity_id = $2)
          ORDER BY at DESC, id DESC LIMIT $3`,
        [args.entity ?? null, args.entityId ?? null, args.last],
      ),
    );
  }
}
