import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { MembershipStatus } from './membership-status';

/** One per person per county; its history is in `membership_events` (append-only). */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Column('text') status: MembershipStatus;
  @Column('date') since: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
