import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountyResolver } from './county/county.resolver';
import { CountyService } from './county/county.service';
import { OrganisationEntity } from './organisation/organisation.entity';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationService } from './organisation/organisation.service';
import { UnitEntity } from './unit/unit.entity';
import { UnitResolver } from './unit/unit.resolver';
import { UnitService } from './unit/unit.service';

/** Counties, municipalities, and the organisations and units of each county's network. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, UnitEntity])],
  providers: [CountyService, CountyResolver, OrganisationService, OrganisationResolver, UnitService, UnitResolver],
  exports: [CountyService, OrganisationService, UnitService],
})
export class DirectoryModule {}
