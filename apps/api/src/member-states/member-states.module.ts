import { Module } from '@nestjs/common';
import { MemberStatesController } from './member-states.controller';
import { MemberStatesService } from './member-states.service';

/** The 193 Member States and 2 observer States: global reference data. */
@Module({ controllers: [MemberStatesController], providers: [MemberStatesService] })
export class MemberStatesModule {}
