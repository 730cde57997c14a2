import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';

/** One route as the controllers declare it, before Fastify has it. */
export interface ControllerRoute {
  /** The controller class: what route metadata hangs on besides the handler. */
  controller: { name: string; prototype: object };
  /** The handler method's name on the controller. */
  name: string;
  handler: object;
  method: string;
  /** `/api/…/:param`, as the access table names it. */
  path: string;
}

/**
 * Every route of every controller in the app, read from Nest's own metadata: what the boot-time
 * access check and the fuzzer walk, so neither needs a list that could miss a new route.
 */
export function controllerRoutes(app: INestApplication, prefix = 'api'): ControllerRoute[] {
  const routes: ControllerRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const code: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (typeof code !== 'number') continue;
        const method = RequestMethod[code];
        // A number Nest does not know would be a Nest upgrade renumbering its enum: fail loudly.
        if (method === undefined) throw new Error(`${controller.name}.${name}: method ${code}?`);
        for (const start of segments(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of segments(Reflect.getMetadata(PATH_METADATA, handler))) {
            const path = ('/' + [prefix, start, own].filter(Boolean).join('/'))
              .replace(/\/+/g, '/')
              .replace(/\/$/, '');
            routes.push({ controller, name, handler, method, path });
          }
        }
      }
    }
  }
  return routes;
}

function segments(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((path) => (typeof path === 'string' ? path.replace(/^\/|\/$/g, '') : ''));
}
