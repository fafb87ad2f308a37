import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ActivityKind } from './activity-kind';

/** What a key worker did in the role: counts and dates only, never client data. */
@Entity('activities')
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Column('text') kind: ActivityKind;
  @Column('date', { name: 'occurred_on' }) occurredOn: string;
  @Column('int') count: number;
  @Column('uuid', { name: 'course_id', nullable: true }) courseId: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
