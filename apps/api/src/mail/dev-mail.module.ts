import { type DynamicModule, Module } from '@nestjs/common';
import { DevMailCatcher } from './dev-mail-catcher';
import { DevMailController } from './dev-mail.controller';

/**
 * The development catcher's page. Imported only when the catcher runs (development), so no other
 * build has the route at all.
 */
@Module({})
export class DevMailModule {
  static register(catcher: DevMailCatcher): DynamicModule {
    return {
      module: DevMailModule,
      controllers: [DevMailController],
      providers: [{ provide: DevMailCatcher, useValue: catcher }],
    };
  }
}
