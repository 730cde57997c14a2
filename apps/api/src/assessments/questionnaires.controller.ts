import {
  Questionnaire,
  QuestionnaireCopy,
  QuestionnaireList,
  QuestionnaireUpdate,
  VersionOnly,
} from '@convene/contracts';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../common/access.decorators';
import { ApiProblem } from '../common/openapi';
import { QuestionnairesService } from './questionnaires.service';

class QuestionnaireCopyDto extends createZodDto(QuestionnaireCopy) {}
class QuestionnaireUpdateDto extends createZodDto(QuestionnaireUpdate) {}
class QuestionnairePublishDto extends createZodDto(VersionOnly) {}
class QuestionnaireDto extends createZodDto(Questionnaire) {}
class QuestionnaireListDto extends createZodDto(QuestionnaireList) {}

/** The versions of the needs-assessment questionnaire. */
@ApiTags('assessments')
@Controller('t/:tenant/assessment-questionnaires')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Get()
  @RequirePermission('assessments.read')
  @ZodResponse({ status: 200, type: QuestionnaireListDto, description: 'The versions' })
  @ApiOperation({
    description:
      'The questionnaire versions: the built-in default (1) and the tenant’s own, newest ' +
      'first; drafts for tenant admins only.',
  })
  list() {
    return this.questionnaires.list();
  }

  @Post()
  @RequirePermission('assessments.configure')
  @ZodResponse({ status: 201, type: QuestionnaireDto, description: 'The new draft version' })
  @ApiOperation({ description: 'Copies a version into a new draft version (tenant admins).' })
  copy(@Body() body: QuestionnaireCopyDto) {
    return this.questionnaires.copy(body);
  }

  @Get(':questionnaireId')
  @RequirePermission('assessments.read')
  @ZodResponse({ status: 200, type: QuestionnaireDto, description: 'The version and questions' })
  @ApiOperation({ description: 'One questionnaire version with its questions.' })
  get(@Param('questionnaireId') id: string) {
    return this.questionnaires.get(id);
  }

  @Put(':questionnaireId')
  @RequirePermission('assessments.configure')
  @ZodResponse({ status: 200, type: QuestionnaireDto, description: 'As saved' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({
    description:
      "Replaces a draft version's title and questions (texts in languages, questions and " +
      'areas added or removed), given the version read.',
  })
  update(@Param('questionnaireId') id: string, @Body() body: QuestionnaireUpdateDto) {
    return this.questionnaires.update(id, body);
  }

  @Post(':questionnaireId/publish')
  @RequirePermission('assessments.configure')
  @ZodResponse({ status: 201, type: QuestionnaireDto, description: 'The published version' })
  @ApiProblem(409, 'stale-version', 'assessment-state')
  @ApiOperation({
    description: 'Publishes a draft version: new assessments use it; it never changes again.',
  })
  publish(@Param('questionnaireId') id: string, @Body() body: QuestionnairePublishDto) {
    return this.questionnaires.publish(id, body);
  }
}
