import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { InputError, NotFoundError } from '@lahde/platform/errors';
import { County, Municipality } from './county.models';
import { CountyService } from './county.service';

const COUNTY_CODE = /^[0-9]{2}$/;

@Resolver()
export class CountyResolver {
  constructor(private readonly countyService: CountyService) {}

  @Query(() => [County], { description: 'The 22 organisers (tenants) with the population of `populationYear` (default: latest on record).' })
  @Can('read', 'County')
  counties(@Args('populationYear', { type: () => Int, nullable: true }) year: number | null) {
    return this.countyService.counties(checkYear(year));
  }

  @Query(() => County, { description: 'One county by its code, e.g. "10".' })
  @Can('read', 'County')
  async county(
    @Args('code') code: string,
    @Args('populationYear', { type: () => Int, nullable: true }) year: number | null,
  ) {
    const [county] = COUNTY_CODE.test(code) ? await this.countyService.counties(checkYear(year), code) : [];
    if (!county) throw new NotFoundError('County');
    return county;
  }

  @Query(() => [Municipality], { description: 'Municipalities, all or of one county, with population of `populationYear` (default: latest).' })
  @Can('read', 'Municipality')
  municipalities(
    @Args('countyCode', { type: () => String, nullable: true }) countyCode: string | null,
    @Args('populationYear', { type: () => Int, nullable: true }) year: number | null,
  ) {
    if (countyCode !== null && countyCode !== undefined && !COUNTY_CODE.test(countyCode)) {
      throw new InputError([{ field: 'countyCode', message: 'must be a two-digit county code, e.g. "10"' }]);
    }
    return this.countyService.municipalities(countyCode ?? null, checkYear(year));
  }
}

function checkYear(year: number | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  if (year < 1900 || year > 2200) throw new InputError([{ field: 'populationYear', message: 'must be a year between 1900 and 2200' }]);
  return year;
}
