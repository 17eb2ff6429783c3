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

  it('draws a gem as its requires and constants say, both ways', async () => {
    // Shaped like a job-queue gem: lib/<gem>.rb requiring its parts, classes under lib/<gem>/, a CLI in
    // exe/, tests requiring the helper, and a web UI folder using the client's constant.
    const lines = await resolveBuiltRepo(
      {
        'queuey.gemspec': 'Gem::Specification.new do |s|\n  s.name = "queuey"\n  s.executables = ["queuey"]\nend\n',
        'lib/queuey.rb': 'require "queuey/version"\nrequire "queuey/client"\nrequire "json"\nmodule Queuey\nend\n',
        'lib/queuey/version.rb': 'module Queuey\n  VERSION = "1.0"\nend\n',
        'lib/queuey/client.rb':
          'require "queuey/job_record"\nmodule Queuey\n  class Client\n    def push(item) = JobRecord.new(item)\n  end\nend\n',
        'lib/queuey/job_record.rb': 'module Queuey\n  class JobRecord\n  end\nend\n',
        'lib/queuey/web.rb': 'module Queuey\n  class Web\n    def stats = Client.new\n  end\nend\n',
        'exe/queuey': '#!/usr/bin/env ruby\nrequire_relative "../lib/queuey"\n',
        'test/helper.rb': 'require "minitest/autorun"\nrequire "queuey"\n',
        'test/client_test.rb':
          'require_relative "helper"\nclass ClientTest < Minitest::Test\n  def test_push = Queuey::Client.new.push(1)\nend\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      // The executable is read by its `#!` line: its require_relative is an import like any other.
      'exe/queuey -> lib/queuey.rb',
      'lib/queuey.rb -> lib/queuey/client.rb',
      'lib/queuey.rb -> lib/queuey/version.rb',
      'lib/queuey/client.rb -> lib/queuey/job_record.rb',
      'lib/queuey/web.rb -> lib/queuey/client.rb',
      // `Queuey::Client` names the Queuey namespace too; a file wrapping itself in `module Queuey` does not.
      'test/client_test.rb -> lib/queuey.rb',
      'test/client_test.rb -> lib/queuey/client.rb',
      'test/client_test.rb -> test/helper.rb',
      'test/helper.rb -> lib/queuey.rb',
    ])
  })
})
