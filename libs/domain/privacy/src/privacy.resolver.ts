import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { AccessReportService } from './access-report.service';
import { ErasureService } from './erasure.service';
import { ErasePersonInput, ErasureLogArgs, ErasureRecord, PersonalDataReport, RetentionSettings, SetRetentionSettingsInput } from './privacy.models';
import { RetentionSettingsService } from './retention-settings.service';

/**
 * Data-subject rights and retention. Whoever may delete people of a tenant (county coordinators and
 * admins; THL's admins for the participants of THL's own training) handles requests and retention.
 */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly reports: AccessReportService,
    private readonly erasure: ErasureService,
    private readonly settings: RetentionSettingsService,
  ) {}

  @Query(() => PersonalDataReport, { description: 'Your own data and who accessed it (matched by the e-mail of your sign-in). NOT_FOUND when you have no record.' })
  @Can('read', 'Me')
  myPersonalData() {
    return this.reports.mine();
  }

  @Query(() => PersonalDataReport, { description: "A person's data and who accessed it, for a subject access request received by mail. Audited." })
  @Can('delete', 'Person')
  personalDataReport(@Args('personId', { type: () => ID }, new UuidPipe('Person')) personId: string) {
    return this.reports.forPerson(personId);
  }

  @Mutation(() => ErasureRecord, {
    description: 'Erases a person: identity and free texts removed, ESF+ participation kept in minimised form under the pseudonymous id. All or nothing; a second erasure is CONFLICT.',
  })
  @Can('delete', 'Person')
  erasePerson(@Args('input') input: ErasePersonInput) {
    return this.erasure.erase(input);
  }

  @Query(() => [ErasureRecord], { description: 'Erasures and retention runs of your county, newest first. Holds no personal data.' })
  @Can('delete', 'Person')
  erasureLog(@Args() args: ErasureLogArgs) {
    return this.erasure.log(args);
  }

  @Query(() => RetentionSettings, { description: "Your county's retention periods." })
  @Can('delete', 'Person')
  retentionSettings() {
    return this.settings.get();
  }

  @Mutation(() => RetentionSettings, { description: "Sets your county's retention periods (people 1-10 years, audit log 2-10 years, ESF data until 2027-12-31…2040-12-31)." })
  @Can('delete', 'Person')
  setRetentionSettings(@Args('input') input: SetRetentionSettingsInput) {
    return this.settings.set(input);
  }
}
