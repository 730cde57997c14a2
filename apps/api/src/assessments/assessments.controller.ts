import {
  AssessmentCreate,
  AssessmentDetail,
  AssessmentPage,
  AssessmentQuery,
  AssessmentReturn,
  AssessmentSectionSave,
  AssessmentValidate,
  VersionOnly,
} from '@convene/contracts';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { AssessmentsService } from './assessments.service';

class AssessmentQueryDto extends createZodDto(AssessmentQuery) {}
class AssessmentCreateDto extends createZodDto(AssessmentCreate) {}
class AssessmentSectionSaveDto extends createZodDto(AssessmentSectionSave) {}
class AssessmentSubmitDto extends createZodDto(VersionOnly) {}
class AssessmentValidateDto extends createZodDto(AssessmentValidate) {}
class AssessmentReturnDto extends createZodDto(AssessmentReturn) {}
class AssessmentPageDto extends createZodDto(AssessmentPage) {}
class AssessmentDetailDto extends createZodDto(AssessmentDetail) {}

/** Needs assessments of States: reads narrow by the one rule, visibleAssessment. */
@ApiTags('assessments')
@Controller('t/:tenant/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  @RequirePermission('assessments.read')
  @ZodResponse({
    status: 200,
    type: AssessmentPageDto,
    description: 'The assessments the caller may see, newest first',
  })
  @ApiOperation({
    description:
      'Needs assessments, filtered by State and status, a page at a time: officers every ' +
      'State’s, a focal point their own State’s.',
  })
  list(@Query() query: AssessmentQueryDto) {
    return this.assessments.list(query);
  }

  @Post()
  @RequirePermission('assessments.fill')
  @ZodResponse({ status: 201, type: AssessmentDetailDto, description: 'The new draft assessment' })
  @ApiOperation({
    description:
      'Starts an assessment of a State (a focal point: their own) on the newest published ' +
      'questionnaire, optionally for an assistance request.',
  })
  create(@Body() body: AssessmentCreateDto) {
    return this.assessments.create(body);
  }

  @Get(':assessmentId')
  @RequirePermission('assessments.read')
  @ZodResponse({
    status: 200,
    type: AssessmentDetailDto,
    description: 'The assessment, its questionnaire, answers, result and change',
  })
  @ApiOperation({
    description:
      'One assessment with its questionnaire version, answers, gap scores, weakest areas and ' +
      'the change since the State’s earlier validated assessment.',
  })
  get(@Param('assessmentId') id: string) {
    return this.assessments.get(id);
  }

  @Put(':assessmentId/sections/:area')
  @RequirePermission('assessments.fill')
  @ZodResponse({ status: 200, type: AssessmentDetailDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({
    description:
      "Saves one section's answers (a thematic area: rating 0–4 and evidence per question), " +
      'given the version read, while the assessment is a draft or returned.',
  })
  saveSection(
    @Param('assessmentId') id: string,
    @Param('area') area: string,
    @Body() body: AssessmentSectionSaveDto,
  ) {
    return this.assessments.saveSection(id, area, body);
  }

  @Post(':assessmentId/submit')
  @RequirePermission('assessments.fill')
  @ZodResponse({ status: 201, type: AssessmentDetailDto, description: 'The submitted assessment' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({ description: 'Sends a draft or returned assessment for validation.' })
  submit(@Param('assessmentId') id: string, @Body() body: AssessmentSubmitDto) {
    return this.assessments.submit(id, body);
  }

  @Post(':assessmentId/validate')
  @RequirePermission('assessments.validate')
  @ZodResponse({ status: 201, type: AssessmentDetailDto, description: 'The validated assessment' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({
    description:
      "Validates a submitted assessment with the officer's priorities and recommendations.",
  })
  validate(@Param('assessmentId') id: string, @Body() body: AssessmentValidateDto) {
    return this.assessments.validate(id, body);
  }

  @Post(':assessmentId/return')
  @RequirePermission('assessments.validate')
  @ZodResponse({ status: 201, type: AssessmentDetailDto, description: 'The returned assessment' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({
    description: 'Returns a submitted assessment to be completed, with the reason.',
  })
  returnToFill(@Param('assessmentId') id: string, @Body() body: AssessmentReturnDto) {
    return this.assessments.returnToFill(id, body);
  }
}
