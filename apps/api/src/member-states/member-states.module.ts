import { Module } from '@nestjs/common';
import { MemberStatesController } from './member-states.controller';

/** The 193 Member States and 2 observer States: global reference data. */
@Module({ controllers: [MemberStatesController] })
export class MemberStatesModule {}
