import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import {
  AttendanceController,
  CertificatesController,
  PublicCertificatesController,
} from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CertificatesService } from './certificates.service';
import { loadCertificateFonts } from './certificate-pdf';

/** Attendance per event day, check-in, and certificates of participation (part of issue 12). */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [AttendanceController, CertificatesController, PublicCertificatesController],
  providers: [AttendanceService, CertificatesService],
})
export class AttendanceModule {
  onModuleInit(): void {
    // A font missing from node_modules fails the boot, not a participant's first download.
    loadCertificateFonts();
  }
}
