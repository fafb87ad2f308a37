import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrganisationType } from './organisation.models';

/** A county-owned row: `tenant_id` is filled by the database from the transaction's tenant. */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('text') type: OrganisationType;
  @Column('text') name: string;
  @Column('text', { name: 'municipality_code', nullable: true }) municipalityCode: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
