// Ruby resolution on a repository the test builds: require against every lib/ folder, require_relative,
// `autoload :Name` to the file named after it, constant paths by Zeitwerk's naming (app/* folders too),
// and core classes a file reopens (a core extension) never linking.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('Ruby resolution', () => {
  it('follows require, autoload and constant paths, and ignores reopened core classes', async () => {
    const lines = await resolveBuiltRepo({
      'activerecord/lib/active_record.rb': 'require "active_support"\nmodule ActiveRecord\n  autoload :Base\nend\n',
      'activerecord/lib/active_record/base.rb': 'module ActiveRecord\n  class Base\n  end\nend\n',
      'activesupport/lib/active_support.rb': 'module ActiveSupport\nend\n',
      'activesupport/lib/active_support/core_ext/string.rb': 'class String\n  def squish; end\nend\n',
      'app/models/user.rb': 'class User < ActiveRecord::Base\n  def name = String.new\nend\n',
      'app/controllers/users_controller.rb': 'require_relative "../models/user"\nclass UsersController\n  def show = User.first\nend\n',
    })
    expect(lines).toEqual(
      expect.arrayContaining([
        'activerecord/lib/active_record.rb -> activesupport/lib/active_support.rb',
        'activerecord/lib/active_record.rb -> activerecord/lib/active_record/base.rb',
        'app/models/user.rb -> activerecord/lib/active_record/base.rb',
        'app/controllers/users_controller.rb -> app/models/user.rb',
      ]),
    )
    expect(lines).not.toContain('app/models/user.rb -> activesupport/lib/active_support/core_ext/string.rb')
  })
})
