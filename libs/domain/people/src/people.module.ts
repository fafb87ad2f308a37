import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonEntity } from './person.entity';
import { PersonResolver } from './person.resolver';
import { PersonService } from './person.service';

/** The professionals of each county's network, and the internal key worker directory. */
@Module({
  imports: [TypeOrmModule.forFeature([PersonEntity])],
  providers: [PersonService, PersonResolver],
  exports: [PersonService],
})
export class PeopleModule {}
