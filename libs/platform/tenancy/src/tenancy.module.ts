import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { TenantContext } from './tenant-context';
import { TenantTransaction } from './tenant-transaction';

@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: true } })],
  providers: [TenantContext, TenantTransaction],
  exports: [TenantContext, TenantTransaction],
})
export class TenancyModule {}
