import { Injectable } from '@nestjs/common';
import { audit } from '@lahde/platform/audit';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '@lahde/platform/database';
import { ConflictError, NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { AccessPurpose } from './access-purpose';
import { anonymisePerson, logErasure, statePurpose } from './anonymise';
import { ErasePersonInput, ErasureLogArgs, ErasureRecord } from './privacy.models';

const ALREADY_ERASED = 'This person has already been erased';
const ERASURE_COLUMNS = `at, actor, subject, person_id AS "personId", reason, legal_basis AS "legalBasis", case_reference AS "caseReference", removed, kept, entries`;

/**
 * Erasure of a person (GDPR Art. 17) by whoever manages the county's people: one transaction that
 * anonymises the person, writes the erasure log and audits it, or does nothing. The person's row is
 * locked first, so a second erasure (even a concurrent one) finds it erased and is refused.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly tx: TenantTransaction) {}

  erase(input: ErasePersonInput): Promise<ErasureRecord> {
    return this.tx
      .run(async (em) => {
        const [person] = await em.query('SELECT erased_at FROM people WHERE id = $1 FOR UPDATE', [input.personId]);
        if (!person) throw new NotFoundError('Person');
        if (person.erased_at) throw new ConflictError(ALREADY_ERASED, 'input.personId');
        const [member] = await em.query("SELECT status FROM memberships WHERE person_id = $1 AND status IN ('ACTIVE', 'ON_LEAVE')", [input.personId]);
        if (member) {
          throw new ConflictError(`The person is still a member of the key worker network (${member.status}): record that they left before erasing them`, 'input.personId');
        }
        await statePurpose(em, AccessPurpose.ERASURE);
        const { removed, kept } = await anonymisePerson(em, input.personId);
        await logErasure(em, { subject: 'PERSON', personId: input.personId, reason: input.reason, legalBasis: input.legalBasis, caseReference: input.caseReference, removed, kept });
        await audit(em, 'DELETE', 'Person', input.personId, removed);
        const [record] = await em.query(`SELECT ${ERASURE_COLUMNS} FROM erasure_log WHERE person_id = $1 AND subject = 'PERSON'`, [input.personId]);
        return record as ErasureRecord;
      })
      .catch((error) => {
        // The erasure log admits one erasure per person: the last line against a double erasure.
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ConflictError(ALREADY_ERASED, 'input.personId');
        throw error;
      });
  }

  /** The county's erasure log, newest first. */
  log(args: ErasureLogArgs): Promise<ErasureRecord[]> {
    return this.tx.run((em) => em.query(`SELECT ${ERASURE_COLUMNS} FROM erasure_log ORDER BY at DESC, id DESC LIMIT $1`, [args.last]));
  }
}
