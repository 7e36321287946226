import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottlePruner } from './login-throttle-pruner';
import { LoginThrottleService } from './login-throttle.service';
import { SessionEntity } from './session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, LoginThrottleEntity]), UsersModule],
  providers: [AuthService, LoginThrottleService, LoginThrottlePruner, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
