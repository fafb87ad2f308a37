import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { CreateProgrammeInput, Programme, ProgrammeModule } from './programme.models';

/** Curricula of the caller's county: its copies of the national defaults and its own variants. */
@Injectable()
export class ProgrammeService {
  constructor(private readonly tx: TenantTransaction) {}

  list(tier: number | null): Promise<Programme[]> {
    return this.tx.run((em) => loadProgrammes(em, tier === null ? undefined : { tier }));
  }

  get(id: string): Promise<Programme> {
    return this.tx.run(async (em) => {
      const [programme] = await loadProgrammes(em, { id });
      if (!programme) throw new NotFoundError('Programme');
      return programme;
    });
  }

  create(input: CreateProgrammeInput): Promise<Programme> {
    return this.tx.run(async (em) => {
      const [{ id }] = await em.query(
        'INSERT INTO programmes (tier, name_fi, name_sv, name_en, min_sessions) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [input.tier, input.nameFi, input.nameSv ?? input.nameFi, input.nameEn ?? input.nameFi, input.minSessions ?? null],
      );
      for (const [index, m] of input.modules.entries()) {
        await em.query(
          `INSERT INTO programme_modules (programme_id, position, kind, theme_fi, theme_sv, theme_en, hours, required)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, index + 1, m.kind, m.themeFi, m.themeSv ?? m.themeFi, m.themeEn ?? m.themeFi, m.hours ?? null, m.required],
        );
      }
      await audit(em, 'CREATE', 'Programme', id);
      const [programme] = await loadProgrammes(em, { id });
      return programme;
    });
  }
}

/** Programmes with their modules in curriculum order; used by courses too. */
export async function loadProgrammes(em: EntityManager, filter: { id?: string; tier?: number } = {}): Promise<Programme[]> {
  const rows: Array<Record<string, unknown>> = await em.query(
    `SELECT p.id, p.tier, p.name_fi, p.name_sv, p.name_en, p.min_sessions, p.is_national_default,
            coalesce(json_agg(json_build_object('id', m.id, 'position', m.position, 'kind', m.kind, 'themeFi', m.theme_fi,
              'themeSv', m.theme_sv, 'themeEn', m.theme_en, 'hours', m.hours, 'required', m.required) ORDER BY m.position)
              FILTER (WHERE m.id IS NOT NULL), '[]') AS modules
       FROM programmes p LEFT JOIN programme_modules m ON m.programme_id = p.id
      WHERE ($1::uuid IS NULL OR p.id = $1) AND ($2::int IS NULL OR p.tier = $2)
      GROUP BY p.id ORDER BY p.tier, p.is_national_default DESC, p.name_fi`,
    [filter.id ?? null, filter.tier ?? null],
  );
  return rows.map((r) => {
    const modules = (r['modules'] as ProgrammeModule[]).map((m) => ({ ...m, hours: m.hours === null ? null : Number(m.hours) }));
    return {
      id: r['id'] as string,
      tier: r['tier'] as number,
      nameFi: r['name_fi'] as string,
      nameSv: r['name_sv'] as string,
      nameEn: r['name_en'] as string,
      minSessions: (r['min_sessions'] as number) ?? null,
      isNationalDefault: r['is_national_default'] as boolean,
      totalHours: modules.reduce((sum, m) => sum + (m.kind === 'SESSION' ? (m.hours ?? 0) : 0), 0),
      modules,
    };
  });
}
