// Java, Kotlin and Scala resolution on repositories shaped like real multi-module builds, checked both
// ways: imports by class, wildcard and static imports, same-package names, and no edge where none
// exists (an interface does not import its implementation, a wildcard import links only the classes used).
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('Java and Kotlin resolution', () => {
  it('draws a Maven multi-module web app as its imports say', async () => {
    const lines = await resolveBuiltRepo(
      {
        'pom.xml':
          '<project><artifactId>petshop-parent</artifactId><modules><module>app</module><module>client</module></modules></project>\n',
        'app/pom.xml': '<project><artifactId>petshop</artifactId></project>\n',
        'app/src/main/java/org/acme/petshop/PetShopApplication.java':
          'package org.acme.petshop;\n\nimport org.springframework.boot.SpringApplication;\n\npublic class PetShopApplication {\n  public static void main(String[] args) { SpringApplication.run(PetShopApplication.class, args); }\n}\n',
        'app/src/main/java/org/acme/petshop/owner/Owner.java':
          'package org.acme.petshop.owner;\n\nimport org.acme.petshop.model.Person;\nimport java.util.List;\n\npublic class Owner extends Person {\n  private List<Pet> pets;\n}\n',
        'app/src/main/java/org/acme/petshop/owner/Pet.java': 'package org.acme.petshop.owner;\n\npublic class Pet {}\n',
        'app/src/main/java/org/acme/petshop/owner/OwnerRepository.java':
          'package org.acme.petshop.owner;\n\npublic interface OwnerRepository {\n  Owner findById(Integer id);\n}\n',
        'app/src/main/java/org/acme/petshop/owner/JpaOwnerRepository.java':
          'package org.acme.petshop.owner;\n\npublic class JpaOwnerRepository implements OwnerRepository {\n  public Owner findById(Integer id) { return null; }\n}\n',
        'app/src/main/java/org/acme/petshop/owner/OwnerController.java':
          'package org.acme.petshop.owner;\n\nimport static org.acme.petshop.system.Formats.date;\nimport org.acme.petshop.system.*;\n\npublic class OwnerController {\n  private final OwnerRepository owners;\n  OwnerController(OwnerRepository owners) { this.owners = owners; }\n}\n',
        'app/src/main/java/org/acme/petshop/model/Person.java': 'package org.acme.petshop.model;\n\npublic class Person {}\n',
        'app/src/main/java/org/acme/petshop/system/Formats.java':
          'package org.acme.petshop.system;\n\npublic class Formats { public static String date() { return ""; } }\n',
        'app/src/main/java/org/acme/petshop/system/CacheConfig.java': 'package org.acme.petshop.system;\n\npublic class CacheConfig {}\n',
        'app/src/test/java/org/acme/petshop/owner/OwnerControllerTests.java':
          'package org.acme.petshop.owner;\n\nimport org.junit.jupiter.api.Test;\n\nclass OwnerControllerTests {\n  OwnerController controller;\n}\n',
        'client/src/main/kotlin/org/acme/petshop/client/PetClient.kt':
          'package org.acme.petshop.client\n\nimport org.acme.petshop.owner.Pet\nimport kotlinx.coroutines.flow.Flow\n\nclass PetClient { fun pets(): List<Pet> = emptyList() }\n',
      },
      { importsOnly: true },
    )
    const owner = 'app/src/main/java/org/acme/petshop/owner'
    expect(lines).toEqual(
      [
        'app/src/test/java/org/acme/petshop/owner/OwnerControllerTests.java -> ' + `${owner}/OwnerController.java`,
        'client/src/main/kotlin/org/acme/petshop/client/PetClient.kt -> ' + `${owner}/Pet.java`,
        `${owner}/JpaOwnerRepository.java -> ${owner}/Owner.java`,
        `${owner}/JpaOwnerRepository.java -> ${owner}/OwnerRepository.java`,
        `${owner}/Owner.java -> ${owner}/Pet.java`,
        `${owner}/Owner.java -> app/src/main/java/org/acme/petshop/model/Person.java`,
        `${owner}/OwnerController.java -> ${owner}/OwnerRepository.java`,
        `${owner}/OwnerController.java -> app/src/main/java/org/acme/petshop/system/Formats.java`,
        `${owner}/OwnerRepository.java -> ${owner}/Owner.java`,
      ].sort(),
    )
  })

  it('draws an sbt library of type classes as its Scala imports and packages say', async () => {
    const core = 'core/src/main/scala/acme'
    const lines = await resolveBuiltRepo(
      {
        'build.sbt': 'lazy val core = project.in(file("core"))\n',
        [`${core}/Functor.scala`]: 'package acme\n\ntrait Functor[F[_]] {\n  def map[A, B](fa: F[A])(f: A => B): F[B]\n}\n',
        [`${core}/Monad.scala`]: 'package acme\n\ntrait Monad[F[_]] extends Functor[F] {\n  def pure[A](a: A): F[A]\n}\n',
        [`${core}/Show.scala`]: 'package acme\n\ntrait Show[A] { def show(a: A): String }\n',
        [`${core}/syntax/all.scala`]: 'package acme\npackage syntax\n\nobject all extends FunctorSyntax\n\ntrait FunctorSyntax\n',
        [`${core}/data/Chain.scala`]:
          'package acme\npackage data\n\nimport scala.collection.mutable.ListBuffer\n\nsealed abstract class Chain[+A]\n\nobject Chain {\n  implicit val chainMonad: Monad[Chain] = null\n}\n',
        [`${core}/data/Ior.scala`]: 'package acme.data\n\nsealed abstract class Ior[+A, +B]\n',
        'tests/src/test/scala/acme/tests/ChainSuite.scala':
          'package acme.tests\n\nimport acme.{Functor, Monad => M}\nimport acme.data._\nimport syntax.all._\nimport org.scalacheck.Prop\n\nclass ChainSuite {\n  val c: Chain[Int] = null\n}\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual(
      [
        // Code in `package acme` then `package data` uses acme's names without importing them.
        `${core}/Monad.scala -> ${core}/Functor.scala`,
        `${core}/data/Chain.scala -> ${core}/Monad.scala`,
        // Imports by name and renamed, a wildcard that links only what is used, one relative to an enclosing package.
        `tests/src/test/scala/acme/tests/ChainSuite.scala -> ${core}/Functor.scala`,
        `tests/src/test/scala/acme/tests/ChainSuite.scala -> ${core}/Monad.scala`,
        `tests/src/test/scala/acme/tests/ChainSuite.scala -> ${core}/data/Chain.scala`,
        `tests/src/test/scala/acme/tests/ChainSuite.scala -> ${core}/syntax/all.scala`,
      ].sort(),
    )
  })
})
