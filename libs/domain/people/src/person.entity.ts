import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EducationLevel, Gender } from './person.models';

@Entity('people')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('text') email: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('text', { name: 'work_address', nullable: true }) workAddress: string | null;
  @Column('text', { nullable: true }) gender: Gender | null;
  @Column('int', { name: 'birth_year', nullable: true }) birthYear: number | null;
  @Column('text', { name: 'education_level', nullable: true }) educationLevel: EducationLevel | null;
  @Column('boolean', { name: 'esf_data_entered' }) esfDataEntered: boolean;
  @Column('boolean', { name: 'directory_opt_in' }) directoryOptIn: boolean;
  @Column('uuid', { name: 'home_county_id', nullable: true }) homeCountyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
