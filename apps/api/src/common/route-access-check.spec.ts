import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Public, RequirePermission } from './access.decorators';
import { assertRouteAccess } from './route-access-check';

async function boot(controller: new () => object) {
  @Module({ controllers: [controller] })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter());
  app.setGlobalPrefix('api');
  return app;
}

describe('route access declarations, checked at boot', () => {
  it('refuses a permission on a route that names no tenant', async () => {
    @Controller('things')
    class Things {
      @Get(':id')
      @RequirePermission('events.read')
      one() {
        return {};
      }
    }
    const app = await boot(Things);
    expect(() => assertRouteAccess(app)).toThrow(/GET \/api\/things\/:id.*:tenant/);
    await app.close();
  });

  it('refuses a tenant route without a permission', async () => {
    @Controller('t/:tenant/things')
    class Things {
      @Get()
      list() {
        return [];
      }
    }
    const app = await boot(Things);
    expect(() => assertRouteAccess(app)).toThrow(/GET \/api\/t\/:tenant\/things.*permission/);
    await app.close();
  });

  it('refuses a public route that also requires a permission', async () => {
    @Controller('t/:tenant/things')
    class Things {
      @Get()
      @Public()
      @RequirePermission('events.read')
      list() {
        return [];
      }
    }
    const app = await boot(Things);
    expect(() => assertRouteAccess(app)).toThrow(/public/);
    await app.close();
  });

  it('accepts tenant routes with a permission, and public or signed-in routes without', async () => {
    @Controller()
    class Things {
      @Get('t/:tenant/things')
      @RequirePermission('events.read')
      list() {
        return [];
      }
      @Get('health')
      @Public()
      health() {
        return {};
      }
      @Get('me')
      me() {
        return {};
      }
    }
    const app = await boot(Things);
    expect(() => assertRouteAccess(app)).not.toThrow();
    await app.close();
  });
});
