import { TenantSearchQuery, TenantSearchResult } from '@convene/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { SearchService } from './search.service';

class TenantSearchQueryDto extends createZodDto(TenantSearchQuery) {}
class TenantSearchResultDto extends createZodDto(TenantSearchResult) {}

/** The header's search across the tenant (docs/search.md). */
@ApiTags('search')
@Controller('t/:tenant')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get('search')
  @RequirePermission('tenant.read')
  @ZodResponse({ status: 200, type: TenantSearchResultDto, description: 'Hits grouped by kind' })
  @ApiOperation({
    description:
      'Searches events, documents (titles and extracted text), the roster of experts (for those who keep it) and recommendations, each group only with what the caller may see, best matches first.',
  })
  search(@Query() query: TenantSearchQueryDto) {
    return this.searchService.search(query);
  }
}
