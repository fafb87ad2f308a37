import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Can } from '@lahde/platform/authz';
import { InputError, UuidPipe } from '@lahde/platform/errors';
import { CertificationService } from './certification.service';
import {
  AddSessionInput, AttendanceInput, Certificate, CertificateKind, CompleteCourseInput, Course, CourseConnection, CourseListArgs, CreateCourseInput,
  DropInput, EnrolInput, IncompleteEnrolment, SetHeadcountsInput, TaskInput,
} from './course.models';
import { CourseService } from './course.service';

@Resolver(() => Course)
export class CourseResolver {
  constructor(
    private readonly courseService: CourseService,
    private readonly certification: CertificationService,
  ) {}

  @Query(() => CourseConnection, { description: 'Courses by date of first session. Trainers and key workers see the courses they train.' })
  @Can('read', 'Course')
  courses(@Args() args: CourseListArgs) {
    return this.courseService.list(args);
  }

  @Query(() => Course)
  @Can('read', 'Course')
  course(@Args('id', { type: () => ID }, new UuidPipe('Course')) id: string) {
    return this.courseService.get(id);
  }

  @Query(() => [IncompleteEnrolment], { description: 'People enrolled in a course that has begun who do not yet meet its completion rule, with what they miss.' })
  @Can('read', 'Course')
  incompleteEnrolments() {
    return this.courseService.incomplete();
  }

  @Query(() => [Certificate], { description: 'Certified trainers and key workers, with the course that certified them.' })
  @Can('read', 'Certificate')
  certificates(
    @Args('kind', { type: () => CertificateKind, nullable: true }) kind: CertificateKind | null,
    @Args('personId', { type: () => ID, nullable: true }) personId: string | null,
  ) {
    // A filter, not a lookup: a malformed id is bad input (as in the list arguments validated by class-validator), not a database error.
    if (personId != null && !isUUID(personId)) throw new InputError([{ field: 'personId', message: 'personId must be a UUID' }]);
    return this.certification.certificates(kind ?? null, personId ?? null);
  }

  @Mutation(() => Course)
  @Can('create', 'Course')
  createCourse(@Args('input') input: CreateCourseInput) {
    return this.courseService.create(input);
  }

  @Mutation(() => Course, { description: 'Adds a session (day); a make-up session covers a module again for those who missed it.' })
  @Can('update', 'Course')
  addCourseSession(@Args('input') input: AddSessionInput) {
    return this.courseService.addSession(input);
  }

  @Mutation(() => Course, { description: 'Enrols people; all or nothing, and nobody twice.' })
  @Can('update', 'Course')
  enrol(@Args('input') input: EnrolInput) {
    return this.courseService.enrol(input);
  }

  @Mutation(() => Course)
  @Can('update', 'Course')
  dropEnrolment(@Args('input') input: DropInput) {
    return this.courseService.drop(input);
  }

  @Mutation(() => Course)
  @Can('update', 'Attendance')
  recordAttendance(@Args('input') input: AttendanceInput) {
    return this.courseService.recordAttendance(input);
  }

  @Mutation(() => Course, { description: 'Records a task submission and, with acceptedOn, its acceptance.' })
  @Can('update', 'Attendance')
  recordTask(@Args('input') input: TaskInput) {
    return this.courseService.recordTask(input);
  }

  @Mutation(() => Course, { description: 'Anonymous participants by sector of an addressing training (tier 3).' })
  @Can('update', 'Course')
  setAddressingHeadcounts(@Args('input') input: SetHeadcountsInput) {
    return this.courseService.setHeadcounts(input);
  }

  @Mutation(() => Course, { description: 'Applies the completion rule and certifies those who meet it; run again after make-ups.' })
  @Can('update', 'Course')
  completeCourse(@Args('input') input: CompleteCourseInput) {
    return this.certification.completeCourse(input);
  }
}
