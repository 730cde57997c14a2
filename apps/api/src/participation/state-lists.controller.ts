import { StateList, StateListCollection, StateListInput } from '@convene/contracts';
import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentTenant, RequirePermission } from '../common/access.decorators';
import type { TenantScope } from '../db/request-context';
import { StateListsService } from './state-lists.service';

class StateListInputDto extends createZodDto(StateListInput) {}
class StateListDto extends createZodDto(StateList) {}
class StateListCollectionDto extends createZodDto(StateListCollection) {}

/** Saved lists of States that officers invite together. */
@ApiTags('participation')
@Controller('t/:tenant/state-lists')
export class StateListsController {
  constructor(private readonly lists: StateListsService) {}

  @Get()
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateListCollectionDto, description: 'By name' })
  @ApiOperation({ description: "The organisation's saved lists of States." })
  list() {
    return this.lists.list();
  }

  @Post()
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 201, type: StateListDto, description: 'The list as saved' })
  @ApiOperation({ description: 'Saves a list of States under a name unique in the organisation.' })
  create(@CurrentTenant() tenant: TenantScope, @Body() body: StateListInputDto) {
    return this.lists.create(tenant, body);
  }

  @Put(':stateListId')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateListDto, description: 'The list as saved' })
  @ApiOperation({ description: "Replaces a saved list's name and States." })
  update(@Param('stateListId') id: string, @Body() body: StateListInputDto) {
    return this.lists.update(id, body);
  }

  @Delete(':stateListId')
  @RequirePermission('participation.manage')
  @ZodResponse({ status: 200, type: StateListCollectionDto, description: 'The lists left' })
  @ApiOperation({ description: 'Deletes a saved list (invitations made from it stay).' })
  async remove(@Param('stateListId') id: string) {
    await this.lists.remove(id);
    return this.lists.list();
  }
}
