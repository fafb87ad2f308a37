import { Module } from '@nestjs/common';

/** The key worker network: memberships with history, the yearly review, activities and network events. */
@Module({})
export class NetworkModule {}
