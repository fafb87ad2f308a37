import { Module } from '@nestjs/common';
import { CertificationService } from './course/certification.service';
import { CourseResolver } from './course/course.resolver';
import { CourseService } from './course/course.service';
import { LineageResolver } from './lineage/lineage.resolver';
import { LineageService } from './lineage/lineage.service';
import { ProgrammeResolver } from './programme/programme.resolver';
import { ProgrammeService } from './programme/programme.service';

/** Curricula, courses, attendance, tasks, certification and the training chain. */
@Module({
  providers: [ProgrammeService, ProgrammeResolver, CourseService, CertificationService, CourseResolver, LineageService, LineageResolver],
})
export class TrainingModule {}
