import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A gathering of the county's key worker network, e.g. the monthly open Friday session. */
@Entity('network_events')
export class NetworkEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('date', { name: 'held_on' }) heldOn: string;
  @Column('text') theme: string;
  @Column('int', { name: 'attendance_count' }) attendanceCount: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
