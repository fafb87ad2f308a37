import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A county's yearly (February) review of its members. Rounds and their items are never deleted. */
@Entity('review_rounds')
export class ReviewRoundEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'tenant_id', insert: false, update: false }) tenantId: string;
  @Column('int') year: number;
  @Column('date', { name: 'opened_on' }) openedOn: string;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
}
