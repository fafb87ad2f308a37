import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountyResolver } from './county/county.resolver';
import { CountyService } from './county/county.service';
import { OrganisationEntity } from './organisation/organisation.entity';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationService } from './organisation/organisation.service';

/** Counties, municipalities and the organisations of each county's network. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [CountyService, CountyResolver, OrganisationService, OrganisationResolver],
  exports: [CountyService, OrganisationService],
})
export class DirectoryModule {}
